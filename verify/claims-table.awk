# claims-table.awk: generated from chapters/90-claims.nw; do not edit.
BEGIN { FS = "\t"; bad = 0 }
function complain(text) { print text > "/dev/stderr"; bad = 1 }
NF != 5 {
    complain(FILENAME ":" FNR ": expected 5 fields, found " NF)
    next
}
$1 in statement { complain("claim " $1 " was recorded twice") }
{
    statement[$1] = $2; measured[$1] = $3; bound[$1] = $4; verdict[$1] = $5
    if ($5 != "holds" && $5 != "skipped")
        complain("claim " $1 " fails")
}
END {
    count = 0
    while ((getline key < stated) > 0) {
        if (key in seen)
            complain("claim " key " is stated twice in the chapters")
        seen[key] = 1
        order[++count] = key
        if (!(key in statement))
            complain("claim " key " is stated, but no test reported it")
    }
    for (key in statement)
        if (!(key in seen))
            complain("a test reported claim " key ", which no chapter states")
    if (bad) exit 1
    for (i = 1; i <= count; i++) {
        key = order[i]
        printf "\\ref{claim:%s} & %s & %s & %s & p.~\\pageref{test:%s} \\\\\n", \
            key, statement[key], measured[key], bound[key], key > table
        printf "\\claimrecord{%s}{%s}{%s}\n", key, measured[key], \
            bound[key] > values
        if (verdict[key] == "skipped") {
            why = measured[key]
            sub(/^not measured in this build: /, "", why)
            printf "\\claimskipped{%s}{%s}\n", key, why > values
        }
    }
}
