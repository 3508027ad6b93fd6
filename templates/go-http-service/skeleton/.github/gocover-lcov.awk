# Turns a Go coverage profile (go test -coverprofile) into lcov, the format the scorecards read
# (LF lines found, LH lines hit). Usage, as CI runs it:
#   awk -v module="$(go list -m)" -f .github/gocover-lcov.awk coverage.out > lcov.info
# A profile line is "<module>/<file>:<line>.<col>,<line>.<col> <statements> <count>". Every line
# of a block with statements is a line found; it is hit when any block on it ran.
/^mode:/ { next }
NF == 3 && $2 > 0 {
  colon = index($1, ":")
  file = substr($1, 1, colon - 1)
  if (module != "" && index(file, module "/") == 1) {
    file = substr(file, length(module) + 2)
  }
  split(substr($1, colon + 1), range, ",")
  split(range[1], from, ".")
  split(range[2], to, ".")
  if (!(file in known)) {
    known[file] = 1
    files[++count] = file
  }
  for (line = from[1] + 0; line <= to[1] + 0; line++) {
    key = file SUBSEP line
    if (!(key in hits)) {
      hits[key] = 0
      order[file] = order[file] " " line
    }
    if ($3 + 0 > hits[key]) {
      hits[key] = $3 + 0
    }
  }
}
END {
  for (i = 1; i <= count; i++) {
    file = files[i]
    print "TN:"
    print "SF:" file
    found = split(order[file], lines, " ")
    hit = 0
    for (j = 1; j <= found; j++) {
      print "DA:" lines[j] "," hits[file SUBSEP lines[j]]
      if (hits[file SUBSEP lines[j]] > 0) {
        hit++
      }
    }
    print "LF:" found
    print "LH:" hit
    print "end_of_record"
  }
}
