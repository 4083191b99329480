#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The peer of helder-cli kpi in the benchmark: the same KPIs from the same
generated files (progress.csv, answers.csv, organisation.csv), the way a
programme manager's analyst would write them with pandas. Prints JSON."""

import json
import sys

import pandas as pd

folder = sys.argv[1]
launch = pd.Timestamp(sys.argv[2])
window_end = launch + pd.DateOffset(months=3) - pd.Timedelta(days=1)

org = pd.read_csv(f"{folder}/organisation.csv")
progress = pd.read_csv(f"{folder}/progress.csv", parse_dates=["Started", "Completed"])
answers = pd.read_csv(f"{folder}/answers.csv", dtype={"Response": str})

headcount = len(org)
first_start = progress.groupby("User ID")["Started"].min()
participants = first_start[first_start <= window_end].index
done = progress[progress["Completed"] <= window_end].groupby("User ID")["Module"].nunique()
completers = done[(done == 3) & done.index.isin(participants)].index

# Knowledge growth: first pre-test attempt, last post-test attempt, per
# question over the learners who answered both.
answers["correct"] = answers["Result"] == "correct"
tests = answers[answers["Interaction ID"].str.match(r"^(pre|post)-\d+$")].copy()
tests["test"] = tests["Interaction ID"].str.split("-").str[0]
tests["number"] = tests["Interaction ID"].str.split("-").str[1].astype(int)
pre = tests[tests["test"] == "pre"].sort_values("Attempt").groupby(["User ID", "number"]).first()
post = tests[tests["test"] == "post"].sort_values("Attempt").groupby(["User ID", "number"]).last()
pairs = pre[["correct"]].join(post[["correct"]], lsuffix="_pre", rsuffix="_post", how="inner")
per_question = pairs.groupby(level="number").sum()
growth = 100 * (pairs["correct_post"].sum() - pairs["correct_pre"].sum()) / pairs["correct_pre"].sum()

likert = answers[answers["Interaction ID"].str.startswith("tevreden")].copy()
likert["value"] = pd.to_numeric(likert["Response"])
likert = likert.sort_values("Attempt").groupby(["User ID", "Interaction ID"]).last()
satisfaction = likert["value"].mean()
distribution = likert.groupby(level="Interaction ID")["value"].value_counts().unstack(fill_value=0)

teams = org.groupby(["Afdeling", "Team"])["Besproken in team"].apply(lambda s: (s == "ja").any())

org = org.set_index("Personeelsnummer")
org["participant"] = org.index.isin(participants)
org["completer"] = org.index.isin(completers)
departments = org.groupby("Afdeling").agg(people=("participant", "size"),
                                          participants=("participant", "sum"),
                                          completers=("completer", "sum"))
departments = departments[departments["people"] >= 5]

weeks = ((first_start.clip(lower=launch) - launch).dt.days // 7).value_counts().sort_index().cumsum()

print(json.dumps({
    "participation": 100 * len(participants) / headcount,
    "completion": 100 * len(completers) / len(participants),
    "satisfaction": satisfaction,
    "knowledge_growth": growth,
    "team_discussion": 100 * teams.mean(),
    "questions": len(per_question),
    "departments": len(departments),
    "survey_items": len(distribution),
    "weeks": len(weeks),
}))
