#!/bin/sh
# Prints the key-figure recall of the budget readers: every dev budget disclosure under each
# layout variant (Tests/ImporterTests/BudgetVariants.swift), and every budget PDF of the shared
# disclosures read by pdftotext -layout (as dq does), -raw and its default mode. One line per
# disclosure and layout: key found/total (hand-read keys, BudgetKeyFigures.swift), agreement
# with the original text's facts, figures stored wrongly. ALL lines sum each layout.
#   BUDGET_RECALL_DETAIL=1  also lists each missed and each wrong figure
#   BUDGET_HOLDOUT=hide     leaves the two hold-out disclosures out
# Usage: scripts/budget_recall.sh   (after `swift build --build-tests`)
set -eu
cd "$(dirname "$0")/.."
BUDGET_RECALL_ALL=1 swift test --skip-build --disable-swift-testing \
    --filter 'BudgetRecallTests|BudgetPDFRecallTests' 2>&1 \
    | grep -E '^budget-recall:|^    (missed|wrong) |error:|Executed' | sed 's/^budget-recall: //'
