# descent: a textbook on optimization for deep learning that is also a
# C library. The chapters (chapters/*.nw) are the source of everything;
# see README.md for what each target does.

SHELL := /bin/bash
.SHELLFLAGS := -o pipefail -ec
.DELETE_ON_ERROR:
.SECONDARY:
.SUFFIXES:
MAKEFLAGS += --no-print-directory

PREFIX ?= /usr/local
CFLAGS ?= -O2 -g
WARNINGS := -std=c11 -Wall -Wextra -Werror -pedantic
LIBS := -llapacke -lopenblas -lm
SANITIZE := -fsanitize=address,undefined -fno-sanitize-recover=all \
            -fno-omit-frame-pointer
VERSION := 0.1.0

# What a Debian or Ubuntu machine needs beyond a C compiler, make and git.
PACKAGES := noweb libopenblas-dev liblapacke-dev libcmocka-dev \
            pkg-config gnuplot-nox lmodern texlive-latex-base poppler-utils \
            texlive-latex-recommended texlive-fonts-recommended

# What only `make bench` needs: GSL, for the comparison in bench/cg-gsl.c.
# `make` and `make check` never ask for it.
BENCH_PACKAGES := libgsl-dev

B ?= build
STEP := build-aux/step

# The lists below are read after tangling (the public targets run a
# second make once the chapters are tangled), so a chapter's new files
# are seen on its first build.
CHAPTERS := $(sort $(wildcard chapters/*.nw))
LIB_SRC := $(sort $(wildcard tangled/*.c))
LIB_HDR := $(sort $(wildcard tangled/*.h))
PUBLIC_HDR := $(filter-out tangled/internal.h,$(LIB_HDR))
LIB_OBJ := $(LIB_SRC:tangled/%.c=$(B)/obj/%.o)
SAN_OBJ := $(LIB_SRC:tangled/%.c=$(B)/sanitize/obj/%.o)
SUITE_SRC := $(filter-out verify/claims.c,$(sort $(wildcard verify/*.c)))
SUITE := $(SUITE_SRC:verify/%.c=$(B)/verify/%)
SAN_SUITE := $(SUITE_SRC:verify/%.c=$(B)/sanitize/verify/%)
FIG_PROGS := $(sort $(wildcard figures/*.c))
FIG_DATA := $(FIG_PROGS:figures/%.c=$(B)/figures/data/%.done)
FIG_PLOTS := $(sort $(wildcard figures/*.gp))
FIG_TEX := $(FIG_PLOTS:figures/%.gp=$(B)/figures/%.tex)

.PHONY: all tangle library figures book check check-sanitize install \
        uninstall clean bench deps bench-deps tangle-check \
        stage-all stage-library stage-figures stage-book stage-check \
        stage-check-sanitize stage-install stage-bench

# ---------------------------------------------------------------------
# Public targets: make sure of the packages, then tangle (or, for the
# checks, verify the tangle), then hand over to a second make.

all: deps tangle
	@$(MAKE) stage-all
library figures book install bench: deps tangle
	@$(MAKE) stage-$@
check check-sanitize: deps tangle-check
	@$(MAKE) stage-$@

deps:
	@build-aux/deps $(PACKAGES)

bench: bench-deps
bench-deps: deps
	@build-aux/deps $(BENCH_PACKAGES)

tangle: deps $(B)/tangle.done
$(B)/tangle.done: $(CHAPTERS) build-aux/tangle
	@mkdir -p $(B)
	@build-aux/tangle
	@touch $@

tangle-check:
	@printf '  %-8s %s\n' VERIFY "tangled/ and verify/ match chapters/"
	@build-aux/tangle --check

# ---------------------------------------------------------------------
# The library.

stage-all: stage-library stage-figures stage-book
stage-library: $(B)/lib/libdescent.a $(B)/lib/libdescent.so

$(B)/obj/%.o: tangled/%.c $(LIB_HDR)
	@mkdir -p $(@D)
	@$(STEP) CC $< $(B)/logs/cc-$*.log \
	  $(CC) $(WARNINGS) $(CFLAGS) -fPIC -Itangled -c $< -o $@

$(B)/lib/libdescent.a: $(LIB_OBJ)
	@mkdir -p $(@D)
	@$(STEP) AR $@ $(B)/logs/ar.log ar rcs $@ $^

$(B)/lib/libdescent.so: $(LIB_OBJ)
	@mkdir -p $(@D)
	@$(STEP) LD $@ $(B)/logs/ld.log \
	  $(CC) -shared -Wl,-soname,libdescent.so.0 -o $@.0 $^ $(LIBS)
	@ln -sf libdescent.so.0 $@

# ---------------------------------------------------------------------
# The claim-verification suite. Each verify/NN-topic.c is one program
# (one chapter's claims); verify/claims.c is the support they share.
# A run writes one line per claim to $(B)/claims/run.tsv; only a run
# in which every program passed becomes $(B)/claims/claims.tsv, the
# record the book's appendix is made from.

$(B)/verify/%: verify/%.c verify/claims.c verify/claims.h \
               $(B)/lib/libdescent.a
	@mkdir -p $(@D)
	@$(STEP) CC $< $(B)/logs/verify-$*.log \
	  $(CC) $(WARNINGS) $(CFLAGS) -Itangled -Iverify -o $@ \
	    $< verify/claims.c $(B)/lib/libdescent.a -lcmocka $(LIBS)

$(B)/claims/claims-table.tex: $(SUITE) verify/claims-table.awk $(CHAPTERS)
	@$(STEP) VERIFY "the claims: $(notdir $(SUITE))" \
	  $(B)/logs/check.log build-aux/suite $(B)/claims/run.tsv $(SUITE)
	@build-aux/record-claims $(B)/claims/run.tsv $(B)/claims $(CHAPTERS)
$(B)/claims/claims-values.tex: $(B)/claims/claims-table.tex

stage-check: $(SUITE)
	@build-aux/suite $(B)/claims/run.tsv $(SUITE)
	@build-aux/record-claims $(B)/claims/run.tsv $(B)/claims $(CHAPTERS)

# The same suite, library included, under AddressSanitizer and
# UndefinedBehaviorSanitizer. It records no claims.
$(B)/sanitize/obj/%.o: tangled/%.c $(LIB_HDR)
	@mkdir -p $(@D)
	@$(STEP) CC $< $(B)/logs/san-cc-$*.log \
	  $(CC) $(WARNINGS) -O1 -g $(SANITIZE) -Itangled -c $< -o $@

$(B)/sanitize/verify/%: verify/%.c verify/claims.c verify/claims.h \
                        $(SAN_OBJ)
	@mkdir -p $(@D)
	@$(STEP) CC "$< (sanitized)" $(B)/logs/san-verify-$*.log \
	  $(CC) $(WARNINGS) -O1 -g $(SANITIZE) -Itangled -Iverify -o $@ \
	    $< verify/claims.c $(SAN_OBJ) -lcmocka $(LIBS)

stage-check-sanitize: $(SAN_SUITE)
	@for test in $(SAN_SUITE); do \
	  ASAN_OPTIONS=abort_on_error=1:detect_leaks=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 $$test; done

# ---------------------------------------------------------------------
# Figures: figures/NAME.c writes data, figures/NAME.gp draws it.

stage-figures: $(FIG_TEX)

$(B)/figures/bin/%: figures/%.c $(wildcard figures/*.h) $(B)/lib/libdescent.a \
                    $(PUBLIC_HDR)
	@mkdir -p $(@D)
	@$(STEP) CC $< $(B)/logs/figure-cc-$*.log \
	  $(CC) $(WARNINGS) $(CFLAGS) -Itangled -Ifigures -o $@ $< \
	    $(B)/lib/libdescent.a $(LIBS)

$(B)/figures/data/%.done: $(B)/figures/bin/%
	@mkdir -p $(@D)
	@$(STEP) RUN $< $(B)/logs/figure-run-$*.log $< $(@D)
	@touch $@

$(B)/figures/%.tex: figures/%.gp $(FIG_DATA)
	@$(STEP) GNUPLOT $< $(B)/logs/gnuplot-$*.log \
	  gnuplot -e "datadir='$(B)/figures/data'; outfile='$(B)/figures/$*'" $<

# ---------------------------------------------------------------------
# The book: weave all chapters into one body (so that chunk and
# identifier cross-references span chapters), in the book's order: every
# chapter's teaching in Part I, its machinery and tests in Part II, then
# the solutions and the appendices (build-aux/weave and build-aux/streams).
# Then typeset it with the driver chapters/book.tex, with BibTeX and
# makeindex, and check the page budget of every Part I chapter
# (build-aux/page-budget; BUDGET=report prints it without enforcing it).

stage-book: book.pdf

BUDGET ?= enforce
WEAVE_TOOLS := build-aux/weave build-aux/streams build-aux/scope-uses

$(B)/book/chapters.tex: $(CHAPTERS) $(WEAVE_TOOLS)
	@mkdir -p $(@D)
	@$(STEP) WEAVE "$(words $(CHAPTERS)) chapters" $(B)/logs/weave.log \
	  bash -o pipefail -ec 'build-aux/weave $(CHAPTERS) > $@'

book.pdf: chapters/book.tex chapters/descent.bib $(B)/book/chapters.tex \
          $(wildcard bench/results/*.tex) \
          $(FIG_TEX) $(B)/claims/claims-table.tex \
          $(B)/claims/claims-values.tex build-aux/typeset build-aux/page-budget
	@$(STEP) LATEX "$@" $(B)/logs/latex.log build-aux/typeset $(B)
	@cp $(B)/book/book.pdf $@
	@printf '  %-8s %s\n' DONE "$@: $$(pdfinfo $@ 2>/dev/null | sed -n 's/^Pages: *//p') pages"
	@build-aux/page-budget $(B)/book/book.pos $(BUDGET)

# ---------------------------------------------------------------------
# Installing: the library, its public headers and a pkg-config file.

stage-install: stage-library
	@printf '  %-8s %s\n' INSTALL "$(PREFIX)"
	@install -d $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/include
	@install -m 644 $(B)/lib/libdescent.a $(DESTDIR)$(PREFIX)/lib/
	@install -m 755 $(B)/lib/libdescent.so.0 $(DESTDIR)$(PREFIX)/lib/
	@ln -sf libdescent.so.0 $(DESTDIR)$(PREFIX)/lib/libdescent.so
	@install -m 644 $(PUBLIC_HDR) $(DESTDIR)$(PREFIX)/include/
	@sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' \
	  build-aux/descent.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/descent.pc

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/lib/libdescent.a \
	  $(DESTDIR)$(PREFIX)/lib/libdescent.so \
	  $(DESTDIR)$(PREFIX)/lib/libdescent.so.0 \
	  $(DESTDIR)$(PREFIX)/lib/pkgconfig/descent.pc \
	  $(addprefix $(DESTDIR)$(PREFIX)/include/,$(notdir $(PUBLIC_HDR)))

# ---------------------------------------------------------------------

# Benchmarks: bench/NAME.c, linked with the library, prints its own
# report. Speed is measured here, never in the verification suite.
# bench/*.h are headers the benchmarks share (every .c is a program).
# BENCH_LIBS_NAME: the libraries bench/NAME.c needs beyond $(LIBS).
# GSL's CBLAS calls resolve to the OpenBLAS in $(LIBS), like descent's.
BENCH := $(patsubst bench/%.c,$(B)/bench/%,$(sort $(wildcard bench/*.c)))
BENCH_LIBS_cg-gsl := -lgsl

$(B)/bench/%: bench/%.c $(wildcard bench/*.h) $(B)/lib/libdescent.a \
              $(PUBLIC_HDR)
	@mkdir -p $(@D)
	@$(STEP) CC $< $(B)/logs/bench-$*.log \
	  $(CC) $(WARNINGS) -O2 -g -Itangled -o $@ $< \
	    $(B)/lib/libdescent.a $(BENCH_LIBS_$*) $(LIBS)

stage-bench: $(BENCH)
	@for bench in $(BENCH); do echo; $$bench; done

clean:
	rm -rf $(B) book.pdf
