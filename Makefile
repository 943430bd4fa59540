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
LIBS := -llapacke -lopenblas -lz -lm
SANITIZE := -fsanitize=address,undefined -fno-sanitize-recover=all \
            -fno-omit-frame-pointer
VERSION := 0.1.0

# What a Debian or Ubuntu machine needs beyond a C compiler, make and git,
# by target: each public target installs (or asks for) only its own list,
# so that the library and its checks need no TeX and no gnuplot.
PACKAGES_library := noweb libopenblas-dev liblapacke-dev zlib1g-dev \
                    libopenmpi-dev openmpi-bin
# Fashion-MNIST, which Chapter 7's tests, figures and examples read.
PACKAGES_data := dataset-fashion-mnist
PACKAGES_check := $(PACKAGES_library) libcmocka-dev clang $(PACKAGES_data)
PACKAGES_figures := $(PACKAGES_library) gnuplot-nox $(PACKAGES_data)
PACKAGES_examples := $(PACKAGES_library) $(PACKAGES_data)
PACKAGES_all := $(PACKAGES_check) gnuplot-nox lmodern texlive-latex-base \
                texlive-latex-recommended texlive-fonts-recommended
PACKAGES_book := $(PACKAGES_all)
PACKAGES_deps := $(PACKAGES_all)
PACKAGES_tangle := noweb
PACKAGES_install := $(PACKAGES_library)
PACKAGES_explorer := $(PACKAGES_library)
PACKAGES_check-sanitize := $(PACKAGES_check)
PACKAGES_check-valgrind := $(PACKAGES_check) valgrind
# gcov comes with gcc.
PACKAGES_coverage := $(PACKAGES_check)
PACKAGES_mutate := $(PACKAGES_check)
# GSL, for the comparison in bench/cg-gsl.c, libLBFGS and cminpack
# (MINPACK) for bench/quasi-newton.c, and PyTorch (for /usr/bin/python3)
# with Fashion-MNIST for bench/train.c: only `make bench` asks for them.
PACKAGES_bench-gpu := $(PACKAGES_check)
PACKAGES_bench := $(PACKAGES_library) libgsl-dev liblbfgs-dev \
                  libcminpack-dev python3-torch python3-numpy \
                  $(PACKAGES_data)
PACKAGES := $(sort $(foreach goal,$(or $(MAKECMDGOALS),all),\
                                  $(PACKAGES_$(goal))))

B ?= build
STEP := build-aux/step

# The lists below are read after tangling (the public targets run a
# second make once the chapters are tangled), so a chapter's new files
# are seen on its first build.
CHAPTERS := $(sort $(wildcard chapters/*.nw))
ALL_SRC := $(sort $(wildcard tangled/*.c))
LIB_HDR := $(sort $(wildcard tangled/*.h))
PUBLIC_HDR := $(filter-out tangled/internal%.h tangled/cuda-shim.h,$(LIB_HDR))

# CUDA (Chapter 10). Where nvcc is found (on the PATH, or the toolkit's
# usual /usr/local/cuda/bin/nvcc) and the CUDA runtime and cuBLAS beside
# it link (lib64, lib or targets/x86_64-linux/lib of the toolkit), the
# library compiles tangled/gpu.cu with it, links the runtime and cuBLAS,
# and leaves out tangled/gpu-none.c; elsewhere the reverse. A compiler
# alone is not enough: some machines carry nvcc without the libraries,
# and there the build goes on without CUDA and says why. `make NVCC=`
# builds without CUDA on a machine that has it. -fmad=false keeps
# products and sums unfused, as C11 does, so that the update kernels
# match the CPU bit for bit; the architecture is the machine's own GPU,
# or, on a machine without one, sm_80 and sm_90 (A100, H100/H200).
, := ,
NVCC ?= $(firstword $(shell command -v nvcc 2>/dev/null) \
                    $(wildcard /usr/local/cuda/bin/nvcc))
ifneq ($(strip $(NVCC)),)
  CUDA_ROOT := $(abspath $(dir $(firstword $(NVCC)))..)
  cuda_links = $(shell printf 'int main(void){return 0;}\n' | \
      $(CC) -x c - -o /dev/null $(1) -lcublas -lcudart >/dev/null 2>&1 \
      && echo ok)
  CUDA_LIBDIR := $(firstword $(foreach d,lib64 lib targets/x86_64-linux/lib,\
      $(if $(wildcard $(CUDA_ROOT)/$(d)/libcublas.so),\
        $(if $(call cuda_links,-L$(CUDA_ROOT)/$(d) -Wl$(,)-rpath$(,)$(CUDA_ROOT)/$(d)),\
          $(CUDA_ROOT)/$(d)))))
  ifneq ($(CUDA_LIBDIR),)
    CUDA_LIBS := -L$(CUDA_LIBDIR) -Wl,-rpath,$(CUDA_LIBDIR) -lcublas -lcudart
  else ifneq ($(call cuda_links,),)
    CUDA_LIBS := -lcublas -lcudart
  else
    ifeq ($(MAKELEVEL),0)
      $(info note: $(NVCC) found, but no cuBLAS and CUDA runtime that link, beside it or on the system's path; building without CUDA)
    endif
    override NVCC :=
  endif
endif
ifneq ($(strip $(NVCC)),)
  NVCC_ARCH ?= $(if $(shell nvidia-smi -L 2>/dev/null),-arch=native,\
                 -gencode=arch=compute_80$(,)code=sm_80 \
                 -gencode=arch=compute_90$(,)code=[sm_90$(,)compute_90])
  NVCC_FLAGS := -O3 -fmad=false $(NVCC_ARCH) -Werror all-warnings \
                -Xcompiler -fPIC,-Wall,-Wextra,-Werror
  LIB_SRC := $(filter-out tangled/gpu-none.c,$(ALL_SRC))
  LIB_CU_OBJ := $(B)/obj/gpu.o
  LIBS += $(CUDA_LIBS) -lstdc++
else
  LIB_SRC := $(ALL_SRC)
  LIB_CU_OBJ :=
endif

# MPI (Chapter 11). Where $(MPICC) (mpicc unless told) is found and its
# --showme:compile and --showme:link (Open MPI's) or pkg-config's ompi-c
# give flags with which a program calling MPI_Init links, the library
# compiles tangled/distributed.c and tangled/distributed-hooks.c with
# those flags (the headers as system headers, so that -pedantic judges
# our code, not MPI's), links MPI, and leaves out
# tangled/distributed-none.c; elsewhere the reverse, and says so. `make
# MPICC=` builds without MPI on a machine that has it. The suite runs
# the MPI programs (MPI_PROGRAMS) under build-aux/mpi-run: on 2, then 4
# ranks.
MPICC ?= mpicc
MPI_PROGRAMS := 11-distributed
ifneq ($(strip $(MPICC)),)
  MPI_CFLAGS := $(patsubst -I%,-isystem %,$(or \
      $(shell $(MPICC) --showme:compile 2>/dev/null),\
      $(shell pkg-config --cflags ompi-c 2>/dev/null)))
  MPI_LIBS := $(or $(shell $(MPICC) --showme:link 2>/dev/null),\
                   $(shell pkg-config --libs ompi-c 2>/dev/null))
  MPI_LINKS := $(if $(MPI_LIBS),$(shell printf '#include <mpi.h>\nint main(void){return MPI_Init(0, 0);}\n' | \
      $(CC) -x c - -o /dev/null $(MPI_CFLAGS) $(MPI_LIBS) >/dev/null 2>&1 \
      && echo ok))
  ifeq ($(MPI_LINKS),)
    ifeq ($(MAKELEVEL),0)
      $(info note: no MPI that compiles and links ($(MPICC) --showme, pkg-config ompi-c); building without MPI)
    endif
    override MPICC :=
  endif
endif
ifneq ($(strip $(MPICC)),)
  LIB_SRC := $(filter-out tangled/distributed-none.c,$(LIB_SRC))
  CFLAGS_distributed := $(MPI_CFLAGS)
  CFLAGS_distributed-hooks := $(MPI_CFLAGS)
  LIBS += $(MPI_LIBS)
  SUITE_MPI := --mpi '$(MPI_PROGRAMS)'
else
  LIB_SRC := $(filter-out tangled/distributed.c tangled/distributed-hooks.c,\
                          $(LIB_SRC))
  SUITE_MPI :=
endif
# The sanitizers and gcov cannot see into CUDA: those builds always take
# the library without it (gpu-none.c), on every machine. They take it
# without MPI too (distributed-none.c): Open MPI's own allocations at
# MPI_Init and MPI_Finalize would read as leaks, and a sanitized program
# started by mpirun on 4 ranks would take longer than the suite may.
NO_MPI_SRC := $(filter-out tangled/distributed.c tangled/distributed-hooks.c,\
                           $(ALL_SRC))
# The coverage report is of the files that build compiles.
COV_SRC := $(NO_MPI_SRC)
LIB_OBJ := $(LIB_SRC:tangled/%.c=$(B)/obj/%.o) $(LIB_CU_OBJ)
SAN_OBJ := $(NO_MPI_SRC:tangled/%.c=$(B)/sanitize/obj/%.o)
SUITE_SRC := $(filter-out verify/claims.c,$(sort $(wildcard verify/*.c)))
SUITE := $(SUITE_SRC:verify/%.c=$(B)/verify/%)
SAN_SUITE := $(SUITE_SRC:verify/%.c=$(B)/sanitize/verify/%)
COV_OBJ := $(NO_MPI_SRC:tangled/%.c=$(B)/coverage/obj/%.o)
COV_SUITE := $(SUITE_SRC:verify/%.c=$(B)/coverage/verify/%)
FIG_PROGS := $(sort $(wildcard figures/*.c))
FIG_DATA := $(FIG_PROGS:figures/%.c=$(B)/figures/data/%.done)
FIG_PLOTS := $(sort $(wildcard figures/*.gp))
FIG_TEX := $(FIG_PLOTS:figures/%.gp=$(B)/figures/%.tex)

# The compiler and the flags the build uses, remembered in $(B)/flags:
# build-aux/remember rewrites the file only when they change, and every
# compiled file depends on it, so `make CC=clang` after a build with gcc
# (or a new CFLAGS) rebuilds everything instead of reusing the objects.
FLAGS := $(B)/flags
ifeq ($(filter clean uninstall deps tangle tangle-check,$(MAKECMDGOALS)),)
  $(shell build-aux/remember $(FLAGS) 'CC=$(CC)' \
            "$$($(CC) --version 2>&1 | head -n 1)" \
            'WARNINGS=$(WARNINGS)' 'CFLAGS=$(CFLAGS)' 'LIBS=$(LIBS)' \
            'SANITIZE=$(SANITIZE)' 'NVCC=$(NVCC) $(NVCC_FLAGS)' \
            'MPI=$(MPICC) $(MPI_CFLAGS) $(MPI_LIBS)')
endif

.PHONY: all tangle library explorer stage-explorer examples figures book check check-sanitize check-valgrind \
        bench-gpu coverage stage-coverage install uninstall clean bench deps tangle-check \
        mutate \
        stage-all stage-library stage-examples stage-figures stage-book stage-check \
        stage-check-sanitize stage-check-valgrind stage-install stage-bench

# ---------------------------------------------------------------------
# Public targets: make sure of the packages, then tangle (or, for the
# checks, verify the tangle), then hand over to a second make.

all: deps tangle
	@$(MAKE) stage-all
library explorer examples figures book install bench: deps tangle
	@$(MAKE) stage-$@
check check-sanitize check-valgrind coverage: deps tangle-check
	@$(MAKE) stage-$@

deps:
	@build-aux/deps $(PACKAGES)

# Tangling runs when a chapter changes, and when a file in tangled/ or
# verify/ changes or appears or goes (the stamp lists them), so that a
# hand edit is caught: build-aux/tangle refuses to overwrite one, and
# names the file.
TANGLED := $(sort $(wildcard tangled/* verify/*))
tangle: deps $(B)/tangle.done
ifneq ($(strip $(file < $(B)/tangle.done)),$(TANGLED))
$(B)/tangle.done: FORCE
endif
$(B)/tangle.done: $(CHAPTERS) build-aux/tangle $(TANGLED)
	@mkdir -p $(B)
	@build-aux/tangle
	@find tangled verify -type f | LC_ALL=C sort >$@

tangle-check:
	@printf '  %-8s %s\n' VERIFY "tangled/ and verify/ match chapters/"
	@build-aux/tangle --check

FORCE:

# ---------------------------------------------------------------------
# The library. The shared one exports the public functions and nothing
# else: the version script lists what build-aux/public-functions finds
# in the public headers, and `make check` checks the result with nm.

stage-all: stage-library stage-explorer stage-examples stage-figures stage-book
	@:
stage-library: $(B)/lib/libdescent.a $(B)/lib/libdescent.so
	@:

# Flags for one file, after CFLAGS. Chapter 8's fused update rules run at
# the speed of memory only when the compiler vectorizes their loops: that
# takes -O3 (loops of unknown length, tests of options that do not change
# within a loop) and -fno-math-errno (sqrtf need not set errno, which no
# caller reads). Neither changes a result: the loops have no sums to
# reorder, and -std=c11 keeps multiplications and additions unfused.
CFLAGS_adaptive := -O3 -fno-math-errno
CFLAGS_fused := -O3 -fno-math-errno

$(B)/obj/%.o: tangled/%.c $(LIB_HDR) $(FLAGS)
	@mkdir -p $(@D)
	@$(STEP) CC $< $(B)/logs/cc-$*.log \
	  $(CC) $(WARNINGS) $(CFLAGS) $(CFLAGS_$*) -fPIC -Itangled -c $< -o $@

$(B)/obj/gpu.o: tangled/gpu.cu $(LIB_HDR) $(FLAGS)
	@mkdir -p $(@D)
	@$(STEP) NVCC $< $(B)/logs/nvcc-gpu.log \
	  $(NVCC) $(NVCC_FLAGS) -Itangled -c $< -o $@

$(B)/lib/libdescent.a: $(LIB_OBJ)
	@mkdir -p $(@D)
	@rm -f $@
	@$(STEP) AR $@ $(B)/logs/ar.log ar rcs $@ $^

$(B)/lib/libdescent.map: $(PUBLIC_HDR) build-aux/public-functions
	@mkdir -p $(@D)
	@{ echo '{ global:'; build-aux/public-functions $(PUBLIC_HDR) \
	     | sed 's/.*/    &;/'; echo '  local: *; };'; } >$@

$(B)/lib/libdescent.so: $(LIB_OBJ) $(B)/lib/libdescent.map
	@mkdir -p $(@D)
	@$(STEP) LD $@ $(B)/logs/ld.log \
	  $(CC) -shared -Wl,-soname,libdescent.so.0 \
	    -Wl,--version-script=$(B)/lib/libdescent.map -o $@.0 $(LIB_OBJ) $(LIBS)
	@ln -sf libdescent.so.0 $@

# ---------------------------------------------------------------------
# The claim-verification suite. Each verify/NN-topic.c is one program
# (one chapter's claims and bad-input cases); verify/claims.c is the
# support they share. build-aux/suite runs them: each writes one line per
# claim to $(B)/claims/run.tsv, and its bad-input totals to
# $(B)/claims/bad-input.tsv. Only a run in which every program passed
# becomes $(B)/claims/claims.tsv, the record the book's appendix is made
# from (build-aux/record-claims); build-aux/tally then checks that every
# public function has bad-input cases and prints the total.

$(B)/verify/%: verify/%.c verify/claims.c verify/claims.h \
               $(B)/lib/libdescent.a $(FLAGS)
	@mkdir -p $(@D)
	@$(STEP) CC $< $(B)/logs/verify-$*.log \
	  $(CC) $(WARNINGS) $(CFLAGS) $(VERIFY_DEFINES) -Itangled -Iverify -o $@ \
	    $< verify/claims.c $(B)/lib/libdescent.a -lcmocka $(LIBS)

# No program may hang: build-aux/suite kills one that runs longer than
# SUITE_TIMEOUT seconds (the slowest takes about 5 s on two cores) and
# names the test it was in; the sanitizers get 4 times as long, the
# coverage build twice, valgrind 20 times.
SUITE_TIMEOUT ?= 120

RECORD_CLAIMS = build-aux/record-claims $(B)/claims/run.tsv $(B)/claims \
                  $(CHAPTERS)
TALLY = build-aux/tally $(1) $(PUBLIC_HDR)

# Two of Chapter 11's claims are about time (an all-reduce's, a step's),
# and a figure program running beside them under make -j would take the
# cores they time. The suite and the figure programs therefore run one
# at a time, each holding RUN_LOCK (flock(1)); compilers still run in
# parallel.
RUN_LOCK = $(B)/run.lock

# The book needs the record. The suite's run is remembered by a stamp,
# claims.done; the files the book reads are rewritten only when their
# contents change (cpif), so a run that measures the same values does
# not retypeset the book, and the stamp keeps the next make from running
# the suite again.
$(B)/claims/claims.done: $(SUITE) verify/claims-table.awk $(CHAPTERS) \
                         build-aux/suite build-aux/mpi-run build-aux/record-claims \
                         build-aux/tally build-aux/public-functions
	@mkdir -p $(B)/claims
	@$(STEP) VERIFY "the claims: $(notdir $(SUITE))" \
	  $(B)/logs/check.log \
	  flock $(RUN_LOCK) \
	  build-aux/suite --timeout $(SUITE_TIMEOUT) $(SUITE_MPI) \
	    $(B)/claims/run.tsv $(SUITE)
	@$(RECORD_CLAIMS)
	@$(call TALLY,$(B)/claims)
	@touch $@
$(B)/claims/claims-table.tex $(B)/claims/claims-values.tex: \
  $(B)/claims/claims.done ;

# The CUDA kernels are compiled on every machine, toolkit or not: clang
# compiles gpu.cu's device code to PTX, and checks the syntax of its host
# code, against tangled/cuda-shim.h (declarations of what it uses from
# CUDA and cuBLAS). A kernel that no longer compiles fails `make check`.
CUDA_CHECK := clang -x cuda --cuda-path=/nonexistent -nocudainc -nocudalib \
              --cuda-gpu-arch=sm_80 -DDESCENT_CUDA_SHIM -Itangled \
              -Wall -Wextra -Werror -Wno-unknown-cuda-version

$(B)/cuda/gpu.ptx: tangled/gpu.cu $(LIB_HDR)
	@mkdir -p $(@D)
	@$(STEP) CUDA-PTX "$< (clang, no toolkit)" $(B)/logs/cuda-ptx.log \
	  $(CUDA_CHECK) --cuda-device-only -O2 -ffp-contract=off -S $< -o $@
	@$(STEP) CUDA-HOST "$< (clang, no toolkit)" $(B)/logs/cuda-host.log \
	  $(CUDA_CHECK) --cuda-host-only -fsyntax-only $<

stage-check: $(SUITE) $(B)/lib/libdescent.so $(B)/cuda/gpu.ptx
	@build-aux/suite --timeout $(SUITE_TIMEOUT) $(SUITE_MPI) \
	    $(B)/claims/run.tsv $(SUITE)
	@$(RECORD_CLAIMS)
	@build-aux/exports $(B)/lib/libdescent.so.0 $(PUBLIC_HDR)
	@$(call TALLY,$(B)/claims)
	@touch $(B)/claims/claims.done

# The same suite, library included, under AddressSanitizer and
# UndefinedBehaviorSanitizer. It records no claims.
$(B)/sanitize/obj/%.o: tangled/%.c $(LIB_HDR) $(FLAGS)
	@mkdir -p $(@D)
	@$(STEP) CC-SAN $< $(B)/logs/san-cc-$*.log \
	  $(CC) $(WARNINGS) -O1 -g $(SANITIZE) -Itangled -c $< -o $@

$(B)/sanitize/verify/%: verify/%.c verify/claims.c verify/claims.h \
                        $(SAN_OBJ) $(FLAGS)
	@mkdir -p $(@D)
	@$(STEP) CC-SAN $< $(B)/logs/san-verify-$*.log \
	  $(CC) $(WARNINGS) -O1 -g $(SANITIZE) $(VERIFY_DEFINES) -Itangled \
	    -Iverify -o $@ $< verify/claims.c $(SAN_OBJ) -lcmocka $(LIBS)

stage-check-sanitize: $(SAN_SUITE)
	@ASAN_OPTIONS=abort_on_error=1:detect_leaks=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  build-aux/suite --timeout $$(( $(SUITE_TIMEOUT) * 4 )) \
	    $(B)/sanitize/claims/run.tsv $(SAN_SUITE)
	@$(call TALLY,$(B)/sanitize/claims)

# The same suite again, the programs of `make check` run under valgrind's
# memcheck: any invalid read or write, use of an uninitialised value or
# leak fails the program. OpenBLAS runs on one thread, which valgrind
# would run one at a time anyway. It records no claims. Valgrind runs
# OpenBLAS's FMA kernels (Haswell and later, which a processor with
# AVX-512 also gets under valgrind) some ten times slower than the AVX
# kernels of Sandybridge, and verify/07-edge past the timeout with them;
# so on a processor with AVX the suite runs on the Sandybridge kernels
# (VALGRIND_CORETYPE=, empty, lets OpenBLAS choose). The claims hold on
# them as on the others. (The SSE3 kernels of Prescott are as quick, but
# their dsymv reads past the end of its vector, which valgrind reports.)
VALGRIND := valgrind -q --error-exitcode=99 --leak-check=full \
            --errors-for-leak-kinds=definite,indirect,possible
VALGRIND_CORETYPE ?= $(if $(shell grep -qw avx /proc/cpuinfo 2>/dev/null \
                                    && echo yes),Sandybridge)

stage-check-valgrind: $(SUITE)
	@OPENBLAS_NUM_THREADS=1 \
	  $(if $(VALGRIND_CORETYPE),OPENBLAS_CORETYPE=$(VALGRIND_CORETYPE)) \
	  build-aux/suite --under "$(VALGRIND)" \
	    --timeout $$(( $(SUITE_TIMEOUT) * 20 )) \
	    $(B)/valgrind/claims/run.tsv $(SUITE)
	@$(call TALLY,$(B)/valgrind/claims)

# The suite's line coverage of the library: the library and the suite
# built again with gcc's --coverage, unoptimized, in $(B)/coverage; the
# counts of the last run are removed, the suite runs, and
# build-aux/coverage reports with gcov the coverage of each tangled/*.c
# and the total, writes the lines never executed to
# $(B)/coverage/report/report.txt, and fails if the total is below
# COVERAGE_MIN percent or a public function is never executed. It
# records no claims. gcov reads gcc's counts only: the target compiles
# with gcc, whatever CC is.
COVERAGE_CC := gcc
COVERAGE_MIN ?= 95

$(B)/coverage/obj/%.o: tangled/%.c $(LIB_HDR) $(FLAGS)
	@mkdir -p $(@D)
	@$(STEP) CC-COV $< $(B)/logs/cov-cc-$*.log \
	  $(COVERAGE_CC) $(WARNINGS) -O0 -g --coverage -Itangled -c $< -o $@

$(B)/coverage/verify/%: verify/%.c verify/claims.c verify/claims.h \
                        $(COV_OBJ) $(FLAGS)
	@mkdir -p $(@D)
	@$(STEP) CC-COV $< $(B)/logs/cov-verify-$*.log \
	  $(COVERAGE_CC) $(WARNINGS) -O0 -g --coverage $(VERIFY_DEFINES) \
	    -Itangled -Iverify -o $@ $< verify/claims.c $(COV_OBJ) -lcmocka $(LIBS)

stage-coverage: $(COV_SUITE)
	@find $(B)/coverage -name '*.gcda' -delete
	@status=0; \
	  build-aux/suite --timeout $$(( $(SUITE_TIMEOUT) * 2 )) \
	    $(B)/coverage/claims/run.tsv $(COV_SUITE) \
	    >$(B)/logs/coverage-suite.log 2>&1 || status=$$?; \
	  if [[ $$status -ne 0 ]]; then \
	    echo "*** the suite failed under coverage; the end of" \
	         "$(B)/logs/coverage-suite.log:" >&2; \
	    tail -n 40 $(B)/logs/coverage-suite.log >&2; fi; \
	  build-aux/coverage $(B)/coverage/obj $(B)/coverage/report \
	    $(COVERAGE_MIN) $(COV_SRC) -- $(PUBLIC_HDR) || status=$$?; \
	  exit $$status

# ---------------------------------------------------------------------
# The explorer (Appendix "The explorer"): tangled/explorer/*.c, linked
# with the library, becomes $(B)/bin/descent; its man page is written by
# the program itself (descent --man), from the table its --help prints.
EXPLORER_SRC := $(sort $(wildcard tangled/explorer/*.c))
EXPLORER := $(B)/bin/descent
EXPLORER_MAN := $(B)/man/descent.1

stage-explorer: $(EXPLORER) $(EXPLORER_MAN)
	@:

$(EXPLORER): $(EXPLORER_SRC) $(wildcard tangled/explorer/*.h) \
             $(B)/lib/libdescent.a $(PUBLIC_HDR) $(FLAGS)
	@mkdir -p $(@D)
	@$(STEP) CC $@ $(B)/logs/explorer.log \
	  $(CC) $(WARNINGS) $(CFLAGS) -DEXPLORER_VERSION='"$(VERSION)"' \
	    -Itangled -Itangled/explorer -o $@ \
	    $(EXPLORER_SRC) $(B)/lib/libdescent.a $(LIBS)

# The sanitizers' and the coverage's suites run an explorer built as
# they build the library, and the test of Appendix "The explorer" is
# told which (its path compiled in).
$(B)/sanitize/bin/descent: $(EXPLORER_SRC) $(wildcard tangled/explorer/*.h) \
                           $(SAN_OBJ) $(FLAGS)
	@mkdir -p $(@D)
	@$(STEP) CC-SAN $@ $(B)/logs/san-explorer.log \
	  $(CC) $(WARNINGS) -O1 -g $(SANITIZE) -Itangled -Itangled/explorer \
	    -o $@ $(EXPLORER_SRC) $(SAN_OBJ) $(LIBS)

$(B)/coverage/bin/descent: $(EXPLORER_SRC) $(wildcard tangled/explorer/*.h) \
                           $(COV_OBJ) $(FLAGS)
	@mkdir -p $(@D)
	@$(STEP) CC-COV $@ $(B)/logs/cov-explorer.log \
	  $(COVERAGE_CC) $(WARNINGS) -O0 -g --coverage -Itangled \
	    -Itangled/explorer -o $@ $(EXPLORER_SRC) $(COV_OBJ) $(LIBS)

$(B)/verify/13-explorer: $(EXPLORER)
$(B)/verify/13-explorer: VERIFY_DEFINES = \
  -DEXPLORER_PROGRAM='"$(abspath $(EXPLORER))"'
$(B)/sanitize/verify/13-explorer: $(B)/sanitize/bin/descent
$(B)/sanitize/verify/13-explorer: VERIFY_DEFINES = \
  -DEXPLORER_PROGRAM='"$(abspath $(B)/sanitize/bin/descent)"'
$(B)/coverage/verify/13-explorer: $(B)/coverage/bin/descent
$(B)/coverage/verify/13-explorer: VERIFY_DEFINES = \
  -DEXPLORER_PROGRAM='"$(abspath $(B)/coverage/bin/descent)"'

$(EXPLORER_MAN): $(EXPLORER)
	@mkdir -p $(@D)
	@$(STEP) MAN $@ $(B)/logs/man.log bash -o pipefail -ec '$< --man >$@'

# ---------------------------------------------------------------------
# Example programs: examples/NAME.c, linked with the library, becomes
# $(B)/examples/NAME (see README.md).
EXAMPLES := $(patsubst examples/%.c,$(B)/examples/%,\
                       $(sort $(wildcard examples/*.c)))

stage-examples: $(EXAMPLES)
	@:

$(B)/examples/%: examples/%.c $(B)/lib/libdescent.a $(PUBLIC_HDR) $(FLAGS)
	@mkdir -p $(@D)
	@$(STEP) CC $< $(B)/logs/example-$*.log \
	  $(CC) $(WARNINGS) $(CFLAGS) -Itangled -o $@ $< \
	    $(B)/lib/libdescent.a $(LIBS)

# ---------------------------------------------------------------------
# Figures: figures/NAME.c writes data, figures/NAME.gp draws it.

stage-figures: $(FIG_TEX)
	@:

$(B)/figures/bin/%: figures/%.c $(wildcard figures/*.h) $(B)/lib/libdescent.a \
                    $(PUBLIC_HDR) $(FLAGS)
	@mkdir -p $(@D)
	@$(STEP) CC $< $(B)/logs/figure-cc-$*.log \
	  $(CC) $(WARNINGS) $(CFLAGS) -Itangled -Ifigures -o $@ $< \
	    $(B)/lib/libdescent.a $(LIBS)

$(B)/figures/data/%.done: $(B)/figures/bin/%
	@mkdir -p $(@D)
	@$(STEP) RUN $< $(B)/logs/figure-run-$*.log flock $(RUN_LOCK) $< $(@D)
	@touch $@

# A .gp may also read the committed results of the benchmarks
# (bench/results/*.dat, Chapter 10's roofline and breakdown): a new run
# of `make bench` redraws it.
$(B)/figures/%.tex: figures/%.gp $(FIG_DATA) $(wildcard bench/results/*.dat)
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
# The page count comes from LaTeX's log (its lines are cut at 79
# characters, hence the tr).

stage-book: book.pdf
	@:

BUDGET ?= enforce
WEAVE_TOOLS := build-aux/weave build-aux/streams build-aux/scope-uses

$(B)/book/chapters.tex: $(CHAPTERS) $(WEAVE_TOOLS)
	@mkdir -p $(@D)
	@$(STEP) WEAVE "$(words $(CHAPTERS)) chapters" $(B)/logs/weave.log \
	  bash -o pipefail -ec 'build-aux/weave $(CHAPTERS) > $@'

# The book's GPU table (Chapter 10): the last committed run of
# `make bench-gpu`, or, where there is none (no bench/results/gpu.txt), a
# table that says plainly that the GPU numbers have not been measured.
$(B)/book/gpu.tex: $(wildcard bench/results/gpu.txt bench/results/gpu.tex)
	@mkdir -p $(@D)
	@if [[ -f bench/results/gpu.txt && -f bench/results/gpu.tex ]]; then \
	  cp bench/results/gpu.tex $@; \
	else \
	  { echo '% gpu.tex: made by the Makefile; no GPU run is committed.'; \
	    echo '\begin{tabular}{@{}p{0.8\linewidth}@{}}\toprule'; \
	    echo 'Not yet measured: no run of \texttt{make bench-gpu} has'; \
	    echo 'been committed (\texttt{bench/results/gpu.txt} is absent),'; \
	    echo 'so this book has no GPU numbers.\\\bottomrule'; \
	    echo '\end{tabular}'; } >$@; \
	fi

book.pdf: chapters/book.tex chapters/descent.bib $(B)/book/chapters.tex \
          $(B)/book/gpu.tex \
          $(wildcard bench/results/*.tex) $(wildcard mutate/results/*.tex) \
          $(FIG_TEX) $(B)/claims/claims-table.tex \
          $(B)/claims/claims-values.tex build-aux/typeset build-aux/page-budget
	@$(STEP) LATEX "$@" $(B)/logs/latex.log build-aux/typeset $(B)
	@cp $(B)/book/book.pdf $@
	@printf '  %-8s %s\n' DONE "$@: $$(tr -d '\n' <$(B)/book/book.log \
	   | sed -n 's/.*Output written on [^(]*(\([0-9]*\) page.*/\1/p') pages"
	@build-aux/page-budget $(B)/book/book.pos $(BUDGET)

# ---------------------------------------------------------------------
# Installing: the library, its public headers in include/descent/ (a
# program includes <descent/descent.h>, which includes the rest), a
# pkg-config file, and the explorer with its man page. Uninstalling
# removes exactly these.

INCLUDEDIR := $(DESTDIR)$(PREFIX)/include/descent
LIBDIR := $(DESTDIR)$(PREFIX)/lib
BINDIR := $(DESTDIR)$(PREFIX)/bin
MANDIR := $(DESTDIR)$(PREFIX)/share/man/man1

stage-install: stage-library stage-explorer
	@printf '  %-8s %s\n' INSTALL "$(DESTDIR)$(PREFIX)"
	@install -d $(LIBDIR)/pkgconfig $(INCLUDEDIR)
	@install -m 644 $(B)/lib/libdescent.a $(LIBDIR)/
	@install -m 755 $(B)/lib/libdescent.so.0 $(LIBDIR)/
	@ln -sf libdescent.so.0 $(LIBDIR)/libdescent.so
	@install -m 644 $(PUBLIC_HDR) $(INCLUDEDIR)/
	@install -d $(BINDIR) $(MANDIR)
	@install -m 755 $(EXPLORER) $(BINDIR)/
	@install -m 644 $(EXPLORER_MAN) $(MANDIR)/
	@sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' \
	  build-aux/descent.pc.in > $(LIBDIR)/pkgconfig/descent.pc

uninstall:
	@printf '  %-8s %s\n' REMOVE "$(DESTDIR)$(PREFIX)"
	@rm -f $(LIBDIR)/libdescent.a $(LIBDIR)/libdescent.so \
	  $(LIBDIR)/libdescent.so.0 $(LIBDIR)/pkgconfig/descent.pc \
	  $(BINDIR)/descent $(MANDIR)/descent.1
	@rm -rf $(INCLUDEDIR)

# ---------------------------------------------------------------------

# Benchmarks: bench/NAME.c, linked with the library, prints its own
# report. Speed is measured here, never in the verification suite.
# bench/*.h are headers the benchmarks share (every .c is a program).
# BENCH_LIBS_NAME: the libraries bench/NAME.c needs beyond $(LIBS).
# GSL's CBLAS calls resolve to the OpenBLAS in $(LIBS), like descent's.
BENCH := $(patsubst bench/%.c,$(B)/bench/%,$(sort $(wildcard bench/*.c)))
BENCH_LIBS_cg-gsl := -lgsl
BENCH_LIBS_quasi-newton := -llbfgs -lcminpack -lgsl
BENCH_LIBS_nelder-mead := -lgsl

$(B)/bench/%: bench/%.c $(wildcard bench/*.h) $(B)/lib/libdescent.a \
              $(PUBLIC_HDR) $(FLAGS)
	@mkdir -p $(@D)
	@$(STEP) CC $< $(B)/logs/bench-$*.log \
	  $(CC) $(WARNINGS) -O2 -g -Itangled \
	    -DBENCH_CFLAGS='"$(WARNINGS) -O2 -g"' \
	    -DBENCH_LIBRARY_CFLAGS='"$(CFLAGS)"' \
	    -DBENCH_ADAPTIVE_CFLAGS='"$(CFLAGS_adaptive)"' -o $@ $< \
	    $(B)/lib/libdescent.a $(BENCH_LIBS_$*) $(LIBS)

stage-bench: $(BENCH)
	@for bench in $(BENCH); do echo; $$bench; done

# The GPU's benchmark and checks (Chapter 10), on a machine with a CUDA GPU
# and the toolkit: bench/gpu.sh builds with CUDA in build/gpu, runs
# `make check` there and the benchmark, and writes bench/results/gpu.*.
# Without a GPU it says so and fails, writing nothing.
bench-gpu: deps tangle
	@bench/gpu.sh

# ---------------------------------------------------------------------
# Mutation testing (on demand, never part of `make` or `make check`: a
# full run takes hours on two cores): build-aux/mutate plants one small
# bug at a time in a copy of tangled/, rebuilds, runs the suite, and
# writes its record to mutate/results/ (committed; the book inputs
# mutation-table.tex). MUTATE_FILES="cg.c linesearch.c" limits it to
# those files, MUTATE_SAMPLE=N to N mutants per file (a fixed sample),
# MUTATE_JOBS the mutants run at once, MUTATE_TIME=SECONDS stops starting
# mutants after that long (the record says so).
MUTATE_FILES ?=
MUTATE_SAMPLE ?= 0
MUTATE_JOBS ?= 2
MUTATE_TIME ?= 0

mutate: deps tangle-check
	@CC='$(CC)' CFLAGS='$(CFLAGS)' build-aux/mutate \
	  --files '$(MUTATE_FILES)' --sample $(MUTATE_SAMPLE) \
	  --jobs $(MUTATE_JOBS) --time-limit $(MUTATE_TIME) \
	  --build $(B)/mutate --record mutate/results

clean:
	@printf '  %-8s %s\n' CLEAN "$(B)/ book.pdf"
	@rm -rf $(B) book.pdf
