#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes realistic synthetic LMS exports for the KPI report, with known effects.

    generate-lms.py OUT [--course PATH] [--seed N] [--learners N] [--launch DATE] [--participation P]
                    [--completion P] [--growth PERCENT] [--satisfaction MEAN]
                    [--team-share P] [--pairs N] [--post-attempts N]
                    [--style english|dutch] [--answers long|moodle|xapi]

OUT gets:
  course/           a Helder course whose pre-test and post-test have --pairs questions
                    (pre-N / post-N, goals 1-4) and three Likert items and one open item,
                    or a copy of --course
  organisation.csv  employee id, department, team, "discussed in team"
  progress.csv      one row per learner x module started
  answers.csv / answers-moodle.csv / statements.json   the interactions
  expected.json     the KPIs the generation parameters imply

The same seed gives the same files. Exactly round(participation x learners)
employees start within three months of the launch (some others start later),
exactly round(completion x participants) of them finish all three modules in
time (some others finish late), the post-test is right (1 + growth/100) times
as often as the pre-test for every question, Likert answers are 1 + Binomial(4,
(mean-1)/4) so their mean is the given mean, and exactly round(team-share x
teams) teams discussed the course.
"""

import argparse
import datetime
import json
import os
import random
import re
import shutil

MODULES = [
    ("01-introductie", "Introductie AI & Wetgeving", "#1d5f8a"),
    ("02-praktijk", "AI in de praktijk bij de gemeente", "#7a3e9d"),
    ("03-ethiek", "Ethiek & verantwoord gebruik van AI", "#a3541b"),
]
GOALS = [
    "Je weet wat AI is.",
    "Je kent de regels van de AI-verordening.",
    "Je kent voorbeelden van AI bij de gemeente.",
    "Je kunt ethische vragen over AI herkennen.",
]
LIKERT = ["tevreden-inhoud", "tevreden-relevantie", "tevreden-gebruik"]
OPEN = "tip"
# Departments and their share of the employees; the last one is tiny, so
# the report must hide it (fewer than 5 people).
DEPARTMENTS = [
    ("Publiekszaken", 0.14), ("Sociaal Domein", 0.18), ("Ruimte & Economie", 0.12),
    ("Financiën", 0.07), ("Informatievoorziening", 0.09), ("Stadsbeheer", 0.16),
    ("Veiligheid", 0.06), ("Onderwijs & Jeugd", 0.08), ("Cultuur & Sport", 0.05),
    ("Bedrijfsvoering", 0.05),
]
TINY_DEPARTMENT = ("Bestuursbureau", 3)
WINDOW_DAYS = 91


def window_end(launch):
    month = launch.month + 3
    year = launch.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    return datetime.date(year, month, launch.day) - datetime.timedelta(days=1)


def read_course(path):
    """Modules, number of pre/post pairs, Likert ids and the open id of an
    existing course, so that the exports fit it (e.g. the sample course)."""
    global MODULES, LIKERT, OPEN
    with open(os.path.join(path, "course.json"), encoding="utf-8") as f:
        course = json.load(f)
    modules, pairs, likert, open_ids = [], 0, [], []
    for module_id in course["modules"]:
        with open(os.path.join(path, module_id, "module.json"), encoding="utf-8") as f:
            module = json.load(f)
        modules.append((module_id, module["title"], module.get("colour", "")))
        for page in module["pages"]:
            with open(os.path.join(path, module_id, page), encoding="utf-8") as f:
                text = f.read()
            for kind, body in re.findall(r"^```(question|survey)\n(.*?)^```", text, re.M | re.S):
                fields = dict(re.findall(r"^(\w+): (.*)$", body, re.M))
                if kind == "question" and fields.get("test") == "pre":
                    pairs += 1
                elif kind == "survey":
                    (likert if fields.get("kind") == "likert" else open_ids).append(fields["id"])
    MODULES, LIKERT, OPEN = modules, likert, open_ids[0] if open_ids else None
    return pairs


def write_course(out, pairs):
    root = os.path.join(out, "course")
    os.makedirs(root, exist_ok=True)
    course = {
        "format": 1,
        "id": "ai-bewustzijn-kpi",
        "title": "AI-bewustzijn bij de gemeente",
        "language": "nl",
        "modules": [m[0] for m in MODULES],
        "kpi": {"participation": 70, "completion": 70, "satisfaction": 4.0,
                "knowledge_growth": 30, "team_discussion": 40},
    }
    with open(os.path.join(root, "course.json"), "w", encoding="utf-8") as f:
        json.dump(course, f, indent=2, ensure_ascii=False)
        f.write("\n")
    for index, (module_id, title, colour) in enumerate(MODULES):
        folder = os.path.join(root, module_id)
        os.makedirs(folder, exist_ok=True)
        pages = ["01-start.md"]
        text = f"# {title}\n\nIn deze module leer je over AI.\n"
        if index == 0:
            pages.append("02-voortoets.md")
        if index == 2:
            pages += ["02-natoets.md", "03-enquete.md"]
        module = {"title": title, "colour": colour, "minutes": 20,
                  "goals": GOALS, "pages": pages}
        with open(os.path.join(folder, "module.json"), "w", encoding="utf-8") as f:
            json.dump(module, f, indent=2, ensure_ascii=False)
            f.write("\n")
        with open(os.path.join(folder, "01-start.md"), "w", encoding="utf-8") as f:
            f.write(text)
        for test, page in (("pre", "02-voortoets.md"), ("post", "02-natoets.md")):
            if page not in pages:
                continue
            with open(os.path.join(folder, page), "w", encoding="utf-8") as f:
                f.write("# Toets\n\nBeantwoord de vragen.\n")
                for n in range(1, pairs + 1):
                    f.write(f"\n```question\nid: {test}-{n}\ntest: {test}\ngoal: {(n - 1) % 4 + 1}\n"
                            f"question: Vraag {n} over doel {(n - 1) % 4 + 1}?\n"
                            "- [x] Het goede antwoord\n- [ ] Een ander antwoord\n```\n")
        if "03-enquete.md" in pages:
            with open(os.path.join(folder, "03-enquete.md"), "w", encoding="utf-8") as f:
                f.write("# Wat vond je ervan?\n")
                for item, question in zip(LIKERT, ["Ik vond de inhoud nuttig.",
                                                   "De cursus past bij mijn werk.",
                                                   "De cursus was makkelijk te gebruiken."]):
                    f.write(f"\n```survey\nid: {item}\nkind: likert\nquestion: {question}\n"
                            "low: Helemaal niet mee eens\nhigh: Helemaal mee eens\n```\n")
                f.write(f"\n```survey\nid: {OPEN}\nkind: open\nquestion: Wat kan beter?\n```\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--learners", type=int, default=28000)
    parser.add_argument("--launch", default="2025-04-01")
    parser.add_argument("--participation", type=float, default=0.72)
    parser.add_argument("--completion", type=float, default=0.68)
    parser.add_argument("--growth", type=float, default=35.0)
    parser.add_argument("--satisfaction", type=float, default=4.1)
    parser.add_argument("--team-share", type=float, default=0.45)
    parser.add_argument("--pairs", type=int, default=8)
    parser.add_argument("--course", help="write exports for this existing course (copied to OUT/course) "
                        "instead of a generated one; its pre-N/post-N and survey ids are used")
    parser.add_argument("--post-attempts", type=int, default=1,
                        help="largest number of post-test attempts per learner")
    parser.add_argument("--style", choices=["english", "dutch"], default="english")
    parser.add_argument("--answers", choices=["long", "moodle", "xapi"], default="long")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    launch = datetime.date.fromisoformat(args.launch)
    end = window_end(launch)
    os.makedirs(args.out, exist_ok=True)
    if args.course:
        args.pairs = read_course(args.course)
        shutil.copytree(args.course, os.path.join(args.out, "course"), dirs_exist_ok=True)
    else:
        write_course(args.out, args.pairs)
    dutch = args.style == "dutch"
    encoding = "cp1252" if dutch else "utf-8"
    sep = ";" if dutch else ","

    def day_text(day):
        return day.strftime("%d-%m-%Y") if dutch else day.isoformat()

    # Employees, departments and teams.
    n = args.learners
    # Moodle and an LRS know learners by e-mail address; the other exports
    # by employee number. Every file of one run uses the same ids.
    if args.answers == "long":
        employees = [f"M{i:06d}" for i in range(1, n + 1)]
    else:
        employees = [f"m{i:06d}@gemeente.example" for i in range(1, n + 1)]
    department_of = []
    weights = [w for _, w in DEPARTMENTS]
    for _ in range(n - TINY_DEPARTMENT[1]):
        department_of.append(rng.choices(range(len(DEPARTMENTS)), weights)[0])
    department_of += [len(DEPARTMENTS)] * TINY_DEPARTMENT[1]
    names = [d for d, _ in DEPARTMENTS] + [TINY_DEPARTMENT[0]]
    # Teams of 8 to 20 people within each department.
    team_of = []
    current = {}
    for d in department_of:
        number, left = current.get(d, (0, 0))
        if left == 0:
            number, left = number + 1, rng.randint(8, 20)
        current[d] = (number, left - 1)
        team_of.append((d, number))
    teams = sorted(set(team_of))
    discussed = set(rng.sample(teams, round(args.team_share * len(teams))))

    with open(os.path.join(args.out, "organisation.csv"), "w", encoding=encoding, newline="") as f:
        f.write(sep.join(["Personeelsnummer", "Afdeling", "Team", "Besproken in team"]) + "\r\n")
        for e, d, t in zip(employees, department_of, team_of):
            f.write(sep.join([e, f'"{names[d]}"', f"Team {t[1]}",
                              "ja" if t in discussed else "nee"]) + "\r\n")

    # Who starts and finishes when.
    order = list(range(n))
    rng.shuffle(order)
    n_participants = round(args.participation * n)
    participants = order[:n_participants]
    late_starters = order[n_participants:n_participants + n // 30]
    n_completers = round(args.completion * n_participants)
    completers = set(participants[:n_completers])
    late_completers = set(participants[n_completers:n_completers + n_participants // 20])

    def start_day():
        # Most start in the first weeks after the e-mail campaign.
        return launch + datetime.timedelta(days=min(int(rng.expovariate(1 / 18)), WINDOW_DAYS - 1))

    progress = []  # (learner, module index, started, completed or None)
    for learner in participants + late_starters:
        if learner in set(late_starters):
            start = end + datetime.timedelta(days=rng.randint(1, 30))
        else:
            start = start_day()
        if learner in completers:
            finish = start + datetime.timedelta(days=rng.randint(0, 20))
            finish = min(finish, end)
            days = sorted([start, finish] + [start + (finish - start) * rng.random() for _ in range(4)])
            for m in range(3):
                progress.append((learner, m, days[2 * m], days[2 * m + 1]))
        elif learner in late_completers:
            finish = end + datetime.timedelta(days=rng.randint(1, 20))
            for m in range(3):
                progress.append((learner, m, start, finish))
        else:
            done = rng.randint(0, 2)
            for m in range(done + 1):
                finished = start + datetime.timedelta(days=rng.randint(0, 5)) if m < done else None
                progress.append((learner, m, start, finished))
    late_starter_set = set(late_starters)
    progress.sort(key=lambda r: (r[2], r[0], r[1]))

    if dutch:
        header = ["Personeelsnummer", "Cursus", "Voltooiingsstatus", "Gestart op", "Afgerond op"]
        done_text, busy_text = "Voltooid", "Bezig"
    else:
        header = ["User ID", "Module", "Status", "Started", "Completed"]
        done_text, busy_text = "completed", "incomplete"
    with open(os.path.join(args.out, "progress.csv"), "w", encoding=encoding, newline="") as f:
        f.write(sep.join(header) + "\r\n")
        for learner, m, started, completed in progress:
            module = f'"{MODULES[m][1]}"' if dutch else MODULES[m][0]
            f.write(sep.join([employees[learner], module,
                              done_text if completed else busy_text, day_text(started),
                              day_text(completed) if completed else ""]) + "\r\n")

    # Answers: every participant takes the pre-test; whoever finished
    # module 3 takes the post-test and the survey.
    finished_all = {r[0]: r[3] for r in progress if r[1] == 2 and r[3] is not None}
    p_pre = [rng.uniform(0.35, 0.6) for _ in range(args.pairs)]
    p_post = [p * (1 + args.growth / 100) for p in p_pre]
    q = (args.satisfaction - 1) / 4
    answers = []  # (learner, id, correct or None, response, attempt, day)
    first_start = {}
    for learner, m, started, _ in progress:
        if learner not in first_start or started < first_start[learner]:
            first_start[learner] = started
    for learner in participants + late_starters:
        day = first_start[learner]
        for k in range(args.pairs):
            answers.append((learner, f"pre-{k + 1}", rng.random() < p_pre[k], None, 1, day))
        if learner not in finished_all:
            continue
        day = finished_all[learner]
        attempts = rng.randint(1, args.post_attempts)
        for attempt in range(1, attempts + 1):
            for k in range(args.pairs):
                chance = p_post[k] if attempt == attempts else p_pre[k]
                answers.append((learner, f"post-{k + 1}", rng.random() < chance, None, attempt, day))
        for item in LIKERT:
            value = 1 + sum(rng.random() < q for _ in range(4))
            answers.append((learner, item, None, str(value), 1, day))
        if OPEN is not None and rng.random() < 0.3:
            answers.append((learner, OPEN, None, "Meer voorbeelden, graag; en \"korter\"", 1, day))

    if args.answers == "long":
        with open(os.path.join(args.out, "answers.csv"), "w", encoding=encoding, newline="") as f:
            f.write(sep.join(["Gebruiker", "Vraag-id", "Resultaat", "Antwoord", "Poging"] if dutch else
                             ["User ID", "Interaction ID", "Result", "Response", "Attempt"]) + "\r\n")
            for learner, item, correct, response, attempt, _ in answers:
                result = "" if correct is None else ("correct" if correct else "incorrect")
                if response is None:
                    response = "a" if correct else "b"
                response = '"' + response.replace('"', '""') + '"'
                f.write(sep.join([employees[learner], item, result, response, str(attempt)]) + "\r\n")
    elif args.answers == "moodle":
        rows = {}
        for learner, item, correct, response, attempt, _ in answers:
            rows.setdefault((learner, attempt), []).append((item, correct, response))
        width = max(len(v) for v in rows.values())
        with open(os.path.join(args.out, "answers-moodle.csv"), "w", encoding="utf-8", newline="") as f:
            header = ["First name", "Surname", "Email address", "Attempt", "Started on", "Score"]
            for i in range(1, width + 1):
                header += [f"Question {i}", f"Response {i}", f"Right answer {i}", f"Result {i}"]
            f.write(",".join(header) + "\n")
            for (learner, attempt), items in rows.items():
                cells = ["Naam", "Achternaam", employees[learner],
                         str(attempt), f'"Tuesday, 1 April 2025, 10:15 AM"', ""]
                for item, correct, response in items:
                    result = "" if correct is None else ("correct" if correct else "incorrect")
                    cells += [item, '"' + (response or "a").replace('"', '""') + '"', "a", result]
                cells += [""] * (4 * (width - len(items)))
                f.write(",".join(cells) + "\n")
    else:
        statements = []
        verb = "http://adlnet.gov/expapi/verbs/"
        base = "https://helder.example/ai-bewustzijn-kpi/"
        for learner, m, started, completed in progress:
            actor = {"account": {"homePage": "https://lms.example", "name": employees[learner]}}
            statements.append({"actor": actor, "verb": {"id": verb + "initialized"},
                               "object": {"id": base + MODULES[m][0]},
                               "timestamp": started.isoformat() + "T09:00:00Z"})
            if completed:
                statements.append({"actor": actor, "verb": {"id": verb + "completed"},
                                   "object": {"id": base + MODULES[m][0]},
                                   "timestamp": completed.isoformat() + "T10:00:00Z"})
        for learner, item, correct, response, attempt, day in answers:
            result = {"response": response or "a"}
            if correct is not None:
                result["success"] = correct
            statements.append({"actor": {"mbox": "mailto:" + employees[learner]},
                               "verb": {"id": verb + "answered"},
                               "object": {"id": base + "interactions/" + item},
                               "result": result, "timestamp": day.isoformat() + "T09:30:00Z"})
        with open(os.path.join(args.out, "statements.json"), "w", encoding="utf-8") as f:
            json.dump(statements, f)

    expected = {
        "launch": launch.isoformat(),
        "window_end": end.isoformat(),
        "headcount": n,
        "participation": 100 * n_participants / n,
        "completion": 100 * n_completers / n_participants,
        "satisfaction": args.satisfaction,
        "knowledge_growth": args.growth,
        "team_discussion": 100 * len(discussed) / len(teams),
        "teams": len(teams),
        "tiny_department": TINY_DEPARTMENT[0],
        "rows": len(progress) + len(answers),
        "late_starters": len(late_starter_set),
    }
    with open(os.path.join(args.out, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, indent=2, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()
