#!/usr/bin/env bash
# Commits the CI's reports ($FILES, found in $REPORTS) to the branch paved-reports, where the
# scorecards read them (catalog-info.yaml). Makes the branch, with none of main's history, on the
# first run; later runs add a commit only when a report changed, and keep a report this run did
# not make. Run by .github/workflows/ci.yml from a checkout of main, with the workflow's token
# (contents: write) that actions/checkout left in the git configuration.
set -euo pipefail

main() {
  local branch=paved-reports commit file
  commit=$(git rev-parse HEAD)
  git config user.name "github-actions[bot]"
  git config user.email "41898282+github-actions[bot]@users.noreply.github.com"

  # Switching branches removes this script from the work tree; bash has read it whole by then.
  if git ls-remote --exit-code --heads origin "$branch" >/dev/null; then
    git fetch --quiet --depth 1 origin "$branch"
    git switch --quiet --force -C "$branch" FETCH_HEAD
  else
    git switch --quiet --orphan "$branch"
  fi

  # A report this run did not make (the image did not build) keeps its last published version.
  local published=0
  for file in $FILES; do
    if [[ ! -s "$REPORTS/$file" ]]; then
      echo "::warning::no $file from this run; $branch keeps the last one"
      continue
    fi
    cp "$REPORTS/$file" "$file"
    git add -- "$file"
    published=$((published + 1))
  done
  if ((published == 0)); then
    echo "no report to publish in $REPORTS" >&2
    return 1
  fi

  if git diff --cached --quiet; then
    echo "reports unchanged"
    return 0
  fi
  git commit --quiet -m "Reports of $commit"
  git push --quiet origin "HEAD:refs/heads/$branch"
}

main "$@"; exit
