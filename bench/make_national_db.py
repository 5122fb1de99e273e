#!/usr/bin/env python3
"""Builds (or continues) the national-scale synthetic database: up to 10^8 facts.

    bench/make_national_db.py [--out /work/bench-data/national.sqlite] [--dq PATH]
                              [--units 100000] [--years 2015-2024] [--facts 100]
                              [--stop-at-facts N] [--stop-at-disclosures N]
                              [--time-limit SECONDS] [--batch 2000]

A whole country in one file: 100,000 units (3,334 regions of 30: ten 部门 and two 单位 under
each) × 10 fiscal years = 10^6 决算 disclosures of about 100 facts each, plus a few narrative
paragraphs (full-text indexed), projects with their 预算执行 figures, and the rates and
changes the documents state. Run it with `nice -n 10` on a shared machine.

Seeded from real templates: the facts, statements, projects and paragraphs of each synthetic
disclosure are those of one real document (the seed disclosure and the Shanghai fixtures,
read by this dq's own `init` and `import` into OUT.templates.sqlite), shifted to the
disclosure's year, money scaled by a per-unit factor (rounded to 0.01 万元 and printed so),
项 codes moved to a sibling 项 of the same 款 (one of eight variants per unit, so the code
distribution has the real 类/款 shape with more than four code sets), and thinned to --facts
facts per disclosure on average by a deterministic per-unit choice.

Order and resumability: disclosures are made newest year first, every unit of a year before
the next year (as a researcher loads a country year by year); disclosure i (0-based) is unit
i % units + 1 of year number i // units. Each batch of --batch disclosures is one
transaction with everything belonging to them, so the database is always complete up to a
batch and a dq database throughout; the progress marker is the data itself (the number of
disclosures). Stopped (Ctrl-C, --time-limit, --stop-at-facts, --stop-at-disclosures, a kill),
it continues where it stopped when run again with the same arguments (the arguments are
recorded in OUT.templates.sqlite and a different --units, --years or --facts is refused).

Set-based: every table of a batch is one INSERT … SELECT joining the batch's disclosures with
the template rows (amounts scaled in SQL integer arithmetic), in id order, so each index
insert is an append. fact.chosen (the occurrence queries read for each key, schema.sql's
fact_choice) is set in the same statements instead of recomputed per unit: within a
disclosure from the template's rivals of each fact (shape_rival), across years by clearing the
previous year's claim on a key that the new disclosure prints itself (shape_prior); at the
end a few units are checked against fact_choice itself.

Writes with a rollback journal and `synchronous = OFF` (a killed process loses at most the
batch in progress; `journal_mode = OFF` would save little here, as the inserts are appends,
and a kill during its commit would corrupt the file). Foreign keys are not checked while
generating (every reference is made by construction). Prints progress on stderr and the
database path on stdout.
"""
import argparse
import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FIXTURES = os.path.join(ROOT, "fixtures", "disclosures")
TEMPLATE_FILES = ["2024-shanghai-putuo-caizhengju.txt", "2024-shanghai-putuo-guihuaziyuanju.txt",
                  "2024-shanghai-putuo-shehuigongzuobu.txt"]

UNITS_PER_REGION = 30
DEPARTMENTS = ["财政局", "教育局", "卫生健康委员会", "民政局", "人力资源和社会保障局", "住房和城乡建设局",
               "交通运输局", "农业农村局", "规划和自然资源局", "党委办公室"]
SUBUNITS = ["机关", "事务服务中心"]        # two 单位 under each 部门
MAX_FACTS_PER_TEMPLATE = 4096           # fact id = disclosure id × this + template position
MAX_PROJECTS_PER_TEMPLATE = 64
PARAGRAPHS_PER_DISCLOSURE = 6
PROJECTS_PER_DISCLOSURE = 2
CODE_VARIANTS = 8
UNCHECKED_TRIGGERS = "type = 'trigger' AND tbl_name = 'fact' AND name = 'fact_measure_fund'"

stop_requested = False


def note(text):
    print(text, file=sys.stderr, flush=True)


def sha256_hex(text):
    return hashlib.sha256(text.encode()).hexdigest()


def parse_years(text):
    first, _, last = text.partition("-")
    first, last = int(first), int(last or first)
    return list(range(max(first, last), min(first, last) - 1, -1))   # newest first


def region_name(region):
    """Region r (0-based) of 3,334: province, city and county numbers, each a real-looking name."""
    province, rest = divmod(region, 110)
    city, county = divmod(rest, 10)
    return f"合成{province + 1:02d}省{city + 1:02d}市{county + 1:02d}县"


# ---------------------------------------------------------------------------------------
# templates: real documents read by this dq, reduced to shapes

def build_templates(dq, path, args):
    """OUT.templates.sqlite: the real documents (dq init + dq import) and their shapes."""
    tmp = path + ".tmp"
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(tmp + suffix):
            os.remove(tmp + suffix)
    subprocess.run([dq, "init", "--db", tmp], check=True, stdout=subprocess.DEVNULL)
    for name in TEMPLATE_FILES:
        subprocess.run([dq, "import", "--db", tmp, os.path.join(FIXTURES, name)], check=True,
                       stdout=subprocess.DEVNULL)
    db = sqlite3.connect(tmp, isolation_level=None)
    db.execute("PRAGMA journal_mode = DELETE")
    db.execute("BEGIN")
    db.execute("CREATE TABLE gen_args (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.executemany("INSERT INTO gen_args VALUES (?, ?)",
                   [("units", str(args.units)), ("years", args.years), ("facts", str(args.facts))])
    # Template t: the t-th disclosure by id (the seed first, then the imports).
    db.execute("""CREATE TABLE shape_disclosure AS
                  SELECT row_number() OVER (ORDER BY id) - 1 AS t, id AS source_id, year, template,
                         line_count, 0 AS n
                  FROM disclosure ORDER BY id""")
    db.execute("""CREATE TABLE shape_fact AS
                  SELECT d.t, row_number() OVER (PARTITION BY d.t ORDER BY f.id) - 1 AS seq, f.id AS source_id,
                         f.measure_id, f.code, f.fund_id, f.column_id, d.year - f.year AS year_back,
                         f.amount_fen, f.quantity, f.printed, f.printed_unit, f.source_kind,
                         f.line_from, f.line_to, f.status, f.source_table, f.row_label, f.column_label, f.page
                  FROM fact f JOIN shape_disclosure d ON d.source_id = f.disclosure_id
                  WHERE f.derived = 0""")
    db.execute("CREATE INDEX shape_fact_t ON shape_fact(t, seq)")
    db.execute("CREATE UNIQUE INDEX shape_disclosure_t ON shape_disclosure(t)")
    db.execute("CREATE UNIQUE INDEX shape_fact_source ON shape_fact(source_id)")
    db.execute("UPDATE shape_disclosure SET n = (SELECT count(*) FROM shape_fact s WHERE s.t = shape_disclosure.t)")
    too_big = db.execute("SELECT max(n) FROM shape_disclosure").fetchone()[0]
    if too_big >= MAX_FACTS_PER_TEMPLATE:
        raise SystemExit(f"a template has {too_big} facts; the id scheme allows {MAX_FACTS_PER_TEMPLATE}")
    # The value choice (schema.sql's fact_choice; the writer's ValueChoice) within one
    # disclosure: a kept fact is its key's value unless a kept rival of the same key precedes
    # it (table > text > chart, then line, then id). shape_rival lists those rivals.
    backs = {r[0] for r in db.execute("SELECT DISTINCT year_back FROM shape_fact")}
    if not backs <= {0, 1}:
        raise SystemExit(f"templates state figures {sorted(backs)} years back; the generator's value "
                         "choice handles the disclosure's own year and the year before only")
    rank = "CASE {0}.source_kind WHEN 'table' THEN 0 WHEN 'text' THEN 1 ELSE 2 END"
    same_key = """a.t = r.t AND a.measure_id IS r.measure_id AND a.code IS r.code AND a.fund_id = r.fund_id
                  AND a.column_id = r.column_id"""
    db.execute(f"""CREATE TABLE shape_rival AS
                   SELECT a.t, a.seq, r.seq AS rival_seq FROM shape_fact a JOIN shape_fact r
                     ON {same_key} AND a.year_back = r.year_back AND r.seq != a.seq
                    AND ({rank.format('r')}, r.line_from, r.seq) < ({rank.format('a')}, a.line_from, a.seq)""")
    db.execute("CREATE INDEX shape_rival_seq ON shape_rival(t, seq)")
    # Across disclosures: a figure of the year before (year_back 1) loses to any kept figure
    # of the same key printed by that year's own disclosure (year_back 0, nearer).
    db.execute(f"""CREATE TABLE shape_prior AS
                   SELECT a.t, a.seq AS prior_seq, r.seq AS own_seq FROM shape_fact a JOIN shape_fact r
                     ON {same_key} AND a.year_back = 1 AND r.year_back = 0""")
    # Statements whose facts are template facts (derived facts are left out).
    db.execute("""CREATE TABLE shape_statement AS
                  SELECT d.t, row_number() OVER (PARTITION BY d.t ORDER BY s.id) - 1 AS sseq, s.kind, s.printed, s.direction, s.rate_scaled, s.rate_decimals, s.amount_fen,
                         pf.seq AS part_seq, bf.seq AS base_seq, s.basis, s.source_kind, s.line_from, s.line_to
                  FROM statement s JOIN shape_disclosure d ON d.source_id = s.disclosure_id
                  LEFT JOIN shape_fact pf ON pf.source_id = s.part_fact_id
                  LEFT JOIN shape_fact bf ON bf.source_id = s.base_fact_id
                  ORDER BY s.id""")
    db.execute("CREATE INDEX shape_statement_t ON shape_statement(t)")
    # Projects: PROJECTS_PER_DISCLOSURE of the template's, chosen by the unit; the 总额 row of
    # their 预算执行 tables (年初预算, 调整后预算, 执行数, 执行率).
    db.execute("""CREATE TABLE shape_project AS
                  SELECT d.t, row_number() OVER (PARTITION BY d.t ORDER BY p.seq) - 1 AS pseq, p.id AS source_id,
                         p.seq, p.code, p.name, p.department, p.implementer, p.annual_goal, p.has_form,
                         p.line_from, p.line_to
                  FROM project p JOIN shape_disclosure d ON d.source_id = p.disclosure_id""")
    db.execute("CREATE INDEX shape_project_t ON shape_project(t, pseq)")
    db.execute("ALTER TABLE shape_disclosure ADD COLUMN np INTEGER NOT NULL DEFAULT 0")
    db.execute("UPDATE shape_disclosure SET np = (SELECT count(*) FROM shape_project p WHERE p.t = shape_disclosure.t)")
    db.execute("""CREATE TABLE shape_project_figure AS
                  SELECT sp.t, sp.pseq, x.funding_row, x.field, x.amount_fen, x.rate_scaled, x.rate_decimals,
                         x.points_centi, x.printed, x.source_kind, x.line_from, x.line_to
                  FROM project_figure x JOIN shape_project sp ON sp.source_id = x.project_id
                  WHERE x.funding_row = 'total' AND x.field IN ('initial', 'adjusted', 'executed', 'rate')
                    AND x.source_kind = 'table'
                  ORDER BY x.id""")
    db.execute("CREATE INDEX shape_project_figure_t ON shape_project_figure(t, pseq)")
    # Paragraphs: the template's narrative lines that mention money (万元) first, then the rest.
    db.execute("""CREATE TABLE shape_paragraph AS
                  SELECT d.t, row_number() OVER (PARTITION BY d.t ORDER BY instr(p.body, '万元') = 0, p.id) - 1 AS k,
                         p.section, p.body, p.source_kind, p.line_from, p.line_to
                  FROM paragraph p JOIN shape_disclosure d ON d.source_id = p.disclosure_id""")
    db.execute("ALTER TABLE shape_disclosure ADD COLUMN nk INTEGER NOT NULL DEFAULT 0")
    db.execute("UPDATE shape_disclosure SET nk = (SELECT count(*) FROM shape_paragraph p WHERE p.t = shape_disclosure.t)")
    db.execute("CREATE INDEX shape_paragraph_t ON shape_paragraph(t, k)")
    # Code variants: variant v moves a 7-digit code to the v-th next sibling 项 of its 款
    # (a bijection among siblings, so no two template codes meet); other codes stay.
    db.execute("CREATE TABLE code_map (variant INTEGER, code TEXT, new_code TEXT, PRIMARY KEY (variant, code))")
    known = sorted({r[0] for r in db.execute("SELECT code FROM func_code WHERE length(code) = 7")})
    siblings = {}
    for code in known:
        siblings.setdefault(code[:5], []).append(code)
    used = sorted({r[0] for r in db.execute("SELECT DISTINCT code FROM shape_fact WHERE length(code) = 7")})
    rows = []
    for variant in range(CODE_VARIANTS):
        for code in used:
            group = siblings.get(code[:5])
            new = group[(group.index(code) + variant) % len(group)] if group and code in group else code
            rows.append((variant, code, new))
    db.executemany("INSERT INTO code_map VALUES (?, ?, ?)", rows)
    db.execute("COMMIT")
    summary = db.execute("SELECT group_concat(template || ':' || n || ' facts/' || np || ' projects/' || nk "
                         "|| ' paragraphs', ', ') FROM shape_disclosure").fetchone()[0]
    db.close()
    os.replace(tmp, path)
    note(f"templates: {summary}")


# ---------------------------------------------------------------------------------------
# the big database

def create_database(dq, out, args):
    tmp = out + ".creating"
    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(tmp + suffix):
            os.remove(tmp + suffix)
    subprocess.run([dq, "init", "--empty", "--db", tmp], check=True, stdout=subprocess.DEVNULL)
    db = sqlite3.connect(tmp, isolation_level=None)
    db.execute("PRAGMA journal_mode = DELETE")
    db.execute("BEGIN")
    rows = []
    for region in range((args.units + UNITS_PER_REGION - 1) // UNITS_PER_REGION):
        name = region_name(region)
        base = region * UNITS_PER_REGION
        for k, department in enumerate(DEPARTMENTS):
            parent = base + k + 1
            if parent <= args.units:
                rows.append((parent, f"{name}{department}", name, "部门", None))
            for j, sub in enumerate(SUBUNITS):
                uid = base + len(DEPARTMENTS) + k * len(SUBUNITS) + j + 1
                if uid <= args.units:
                    rows.append((uid, f"{name}{department}{sub}", name, "单位", parent if parent <= args.units else None))
    db.executemany("INSERT INTO unit (id, name, region, kind, parent_id) VALUES (?, ?, ?, ?, ?)", rows)
    db.execute("COMMIT")
    db.close()
    os.replace(tmp, out)
    note(f"created {out}: {len(rows):,} units")


def open_for_writing(out, templates, checked):
    """The database for writing. Unless `checked`, CHECK constraints are not evaluated and the
    trigger that checks each fact's fund against its measure is dropped until restore_triggers
    (about a quarter of the CPU time of a fact insert; every row is made from template rows that dq
    itself wrote, and --checked runs the same generation with both on)."""
    db = sqlite3.connect(out, isolation_level=None)
    db.execute("PRAGMA journal_mode = TRUNCATE")
    db.execute("PRAGMA synchronous = OFF")
    db.execute("PRAGMA foreign_keys = OFF")
    db.execute("PRAGMA cache_size = -1048576")      # 1 GB: the index pages being appended to
    db.execute("PRAGMA temp_store = MEMORY")
    db.create_function("sha256_hex", 1, sha256_hex, deterministic=True)
    db.execute("ATTACH DATABASE ? AS tpl", (templates,))
    restore_triggers(db)
    if not checked:
        db.execute("PRAGMA ignore_check_constraints = ON")
        for (name,) in db.execute(f"SELECT name FROM tpl.sqlite_master WHERE {UNCHECKED_TRIGGERS}").fetchall():
            db.execute(f"DROP TRIGGER IF EXISTS main.{name}")
    return db


def restore_triggers(db):
    """Puts back the triggers open_for_writing dropped (also after a killed run), as dq made them."""
    for name, sql in db.execute(f"SELECT name, sql FROM tpl.sqlite_master WHERE {UNCHECKED_TRIGGERS}").fetchall():
        if not db.execute("SELECT 1 FROM main.sqlite_master WHERE type = 'trigger' AND name = ?", (name,)).fetchone():
            db.execute(sql)


def write_batch(db, first, count, args):
    """Disclosures first .. first + count - 1 (0-based) and everything they hold, one transaction."""
    units, years = args.units, args.year_list
    t_count = args.templates
    db.execute("BEGIN")
    # Untyped columns (as in the shape tables, made by CREATE TABLE AS): equal affinities let
    # the joins below search the shapes' indexes, the batch being the outer loop (CROSS JOIN),
    # so rows come out in id order without a sort.
    db.execute("CREATE TEMP TABLE IF NOT EXISTS batch (id INTEGER PRIMARY KEY, unit_id, year, t, variant, scale)")
    db.execute("DELETE FROM batch")
    rows = []
    for i in range(first, first + count):
        unit = i % units + 1
        year = years[i // units]
        # money scale in percent: 40 … 250, by unit, drifting ±5% a year
        scale = 40 + (unit * 7919) % 211 + (year * 13 + unit) % 11 - 5
        rows.append((i + 1, unit, year, unit % t_count, (unit // t_count) % CODE_VARIANTS, scale))
    db.executemany("INSERT INTO batch VALUES (?, ?, ?, ?, ?, ?)", rows)
    db.execute("""
        INSERT INTO disclosure (id, unit_id, year, kind, scope, template, title, source_file, sha256,
                                money_unit, line_count, origin)
        SELECT b.id, b.unit_id, b.year, '决算', '部门', s.template, u.name || b.year || '年度部门决算',
               printf('national/%06d-%d.txt', b.unit_id, b.year),
               sha256_hex(printf('national %d %d', b.unit_id, b.year)), '万元', s.line_count, 'import'
        FROM batch b CROSS JOIN unit u ON u.id = b.unit_id CROSS JOIN tpl.shape_disclosure s ON s.t = b.t
        ORDER BY b.id""")

    def kept(seq):
        """Whether template fact `seq` is kept in the disclosure (about args.facts of sd.n)."""
        return f"(({seq} * 40503 + b.unit_id * 9973 + b.year * 31) % sd.n) < {args.facts}"

    # Facts: about args.facts of the template's n per disclosure, chosen by unit and year;
    # fact.chosen set as the writer sets it (see choose_prior_year for the other half).
    money = "((s.amount_fen * b.scale / 100) / 10000) * 10000"
    db.execute(f"""
        INSERT INTO fact (id, disclosure_id, measure_id, code, fund_id, column_id, year, amount_fen, quantity,
                          printed, printed_unit, derived, source_kind, line_from, line_to, status,
                          source_table, row_label, column_label, page, chosen)
        SELECT b.id * {MAX_FACTS_PER_TEMPLATE} + s.seq, b.id, s.measure_id, coalesce(cm.new_code, s.code),
               s.fund_id, s.column_id, b.year - s.year_back,
               CASE WHEN s.amount_fen IS NOT NULL THEN {money} END, s.quantity,
               CASE WHEN s.amount_fen IS NULL THEN s.printed
                    ELSE CASE WHEN {money} < 0 THEN '-' ELSE '' END
                         || printf('%d.%02d', abs({money}) / 1000000, abs({money}) / 10000 % 100) END,
               CASE WHEN s.amount_fen IS NULL THEN s.printed_unit ELSE '万元' END,
               0, s.source_kind, s.line_from, s.line_to, s.status, s.source_table,
               CASE WHEN cm.new_code IS NOT NULL AND s.row_label IS NOT NULL
                    THEN replace(s.row_label, s.code, cm.new_code) ELSE s.row_label END,
               s.column_label, s.page,
               NOT EXISTS (SELECT 1 FROM tpl.shape_rival r
                           WHERE r.t = s.t AND r.seq = s.seq AND {kept('r.rival_seq')})
        FROM batch b
        CROSS JOIN tpl.shape_disclosure sd ON sd.t = b.t
        CROSS JOIN tpl.shape_fact s ON s.t = b.t
        LEFT JOIN tpl.code_map cm ON cm.variant = b.variant AND cm.code = s.code
        WHERE {kept('s.seq')}
        ORDER BY b.id, s.seq""")
    choose_prior_year(db, args)
    # Statements: those about a kept fact (or, without one, as many in proportion), linked to
    # their facts where those were kept.
    db.execute(f"""
        INSERT INTO statement (disclosure_id, kind, printed, direction, rate_scaled, rate_decimals, amount_fen,
                               part_fact_id, base_fact_id, basis, source_kind, line_from, line_to)
        SELECT b.id, st.kind, st.printed, st.direction, st.rate_scaled, st.rate_decimals,
               CASE WHEN st.amount_fen IS NOT NULL THEN ((st.amount_fen * b.scale / 100) / 10000) * 10000 END,
               CASE WHEN st.part_seq IS NOT NULL
                     AND {kept('st.part_seq')}
                    THEN b.id * {MAX_FACTS_PER_TEMPLATE} + st.part_seq END,
               CASE WHEN st.base_seq IS NOT NULL
                     AND {kept('st.base_seq')}
                    THEN b.id * {MAX_FACTS_PER_TEMPLATE} + st.base_seq END,
               st.basis, st.source_kind, st.line_from, st.line_to
        FROM batch b CROSS JOIN tpl.shape_disclosure sd ON sd.t = b.t CROSS JOIN tpl.shape_statement st ON st.t = b.t
        WHERE {kept('coalesce(st.part_seq, st.sseq)')}
        ORDER BY b.id""")
    # Projects: PROJECTS_PER_DISCLOSURE consecutive template projects from a unit-chosen start.
    db.execute(f"""
        INSERT INTO project (id, disclosure_id, seq, code, name, department, implementer, annual_goal,
                             has_form, line_from, line_to)
        SELECT b.id * {MAX_PROJECTS_PER_TEMPLATE} + p.pseq, b.id, p.seq, p.code, p.name, p.department,
               p.implementer, p.annual_goal, p.has_form, p.line_from, p.line_to
        FROM batch b CROSS JOIN tpl.shape_disclosure sd ON sd.t = b.t CROSS JOIN tpl.shape_project p ON p.t = b.t
        WHERE sd.np > 0 AND ((p.pseq - b.unit_id) % sd.np + sd.np) % sd.np < {PROJECTS_PER_DISCLOSURE}
        ORDER BY b.id, p.pseq""")
    db.execute(f"""
        INSERT INTO project_figure (project_id, funding_row, field, amount_fen, rate_scaled, rate_decimals,
                                    points_centi, printed, source_kind, line_from, line_to)
        SELECT b.id * {MAX_PROJECTS_PER_TEMPLATE} + x.pseq, x.funding_row, x.field,
               CASE WHEN x.amount_fen IS NOT NULL THEN ((x.amount_fen * b.scale / 100) / 10000) * 10000 END,
               x.rate_scaled, x.rate_decimals, x.points_centi, x.printed, x.source_kind, x.line_from, x.line_to
        FROM batch b CROSS JOIN tpl.shape_disclosure sd ON sd.t = b.t CROSS JOIN tpl.shape_project_figure x ON x.t = b.t
        WHERE sd.np > 0 AND ((x.pseq - b.unit_id) % sd.np + sd.np) % sd.np < {PROJECTS_PER_DISCLOSURE}
        ORDER BY b.id, x.pseq""")
    # Paragraphs: PARAGRAPHS_PER_DISCLOSURE of the template's, money sentences first, from a
    # unit-chosen start; indexed by one FTS statement for the batch (as dq does per disclosure).
    low = db.execute("SELECT coalesce(max(id), 0) FROM paragraph").fetchone()[0]
    db.execute(f"""
        INSERT INTO paragraph (disclosure_id, section, body, source_kind, line_from, line_to)
        SELECT b.id, p.section, p.body, p.source_kind, p.line_from, p.line_to
        FROM batch b CROSS JOIN tpl.shape_disclosure sd ON sd.t = b.t CROSS JOIN tpl.shape_paragraph p ON p.t = b.t
        WHERE sd.nk > 0 AND ((p.k - b.unit_id * 3) % sd.nk + sd.nk) % sd.nk < {PARAGRAPHS_PER_DISCLOSURE}
        ORDER BY b.id, p.k""")
    db.execute("INSERT INTO paragraph_fts(rowid, body) SELECT id, body FROM paragraph WHERE id > ?", (low,))
    db.execute("COMMIT")


def choose_prior_year(db, args):
    """The other half of fact.chosen: the batch's disclosures of year Y take the value of each
    key of year Y from the same units' disclosures of year Y + 1 (made before, `units` ids
    earlier) where they print it themselves."""
    db.execute(f"""
        UPDATE fact SET chosen = 0 WHERE chosen = 1 AND id IN (
            SELECT (b.id - {args.units}) * {MAX_FACTS_PER_TEMPLATE} + p.prior_seq
            FROM batch b CROSS JOIN tpl.shape_prior p ON p.t = b.t
            WHERE b.id > {args.units}
              AND EXISTS (SELECT 1 FROM fact own WHERE own.id = b.id * {MAX_FACTS_PER_TEMPLATE} + p.own_seq))""")


def verify_choice(db, units):
    """Units whose stored fact.chosen differs from schema.sql's fact_choice (the definition)."""
    return [u for (u,) in db.execute(f"""
        SELECT DISTINCT c.unit_id FROM fact_choice c JOIN fact f ON f.id = c.fact_id
        WHERE c.unit_id IN ({','.join(map(str, units))}) AND f.chosen != c.chosen""")]


def check_arguments(templates, args):
    db = sqlite3.connect(templates)
    recorded = dict(db.execute("SELECT key, value FROM gen_args"))
    args.templates = db.execute("SELECT count(*) FROM shape_disclosure").fetchone()[0]
    current = db.execute("SELECT count(*) FROM sqlite_master WHERE name = 'shape_prior'").fetchone()[0]
    db.close()
    if not current:
        raise SystemExit(f"{templates} was made by an older generator: remove it and {args.out} to start anew")
    given = {"units": str(args.units), "years": args.years, "facts": str(args.facts)}
    if recorded != given:
        raise SystemExit(f"{args.out} was started with {recorded}, not {given}: continue with those "
                         "arguments, or remove the database and its .templates.sqlite to start anew")


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--dq", default=os.path.join(ROOT, ".build", "release", "dq"))
    p.add_argument("--out", default="/work/bench-data/national.sqlite")
    p.add_argument("--units", type=int, default=100_000)
    p.add_argument("--years", default="2015-2024", help="first-last fiscal years (made newest first)")
    p.add_argument("--facts", type=int, default=100, help="average facts per disclosure")
    p.add_argument("--batch", type=int, default=10000, help="disclosures per transaction")
    p.add_argument("--stop-at-facts", type=int, default=0, help="stop after the batch that reaches N facts")
    p.add_argument("--stop-at-disclosures", type=int, default=0,
                   help="stop at N disclosures (a multiple of --units ends with whole years)")
    p.add_argument("--checked", action="store_true",
                   help="evaluate CHECK constraints and triggers while generating (slower; tests the generator)")
    p.add_argument("--time-limit", type=float, default=0, help="stop after the batch that passes N seconds")
    args = p.parse_args()
    args.year_list = parse_years(args.years)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    templates = args.out + ".templates.sqlite"
    if not os.path.exists(args.out):
        if not os.path.exists(templates):
            build_templates(args.dq, templates, args)
        create_database(args.dq, args.out, args)
    if not os.path.exists(templates):
        raise SystemExit(f"{templates} is missing: remove {args.out} to start anew")
    check_arguments(templates, args)

    def request_stop(signum, frame):
        global stop_requested
        stop_requested = True
        note("stopping after this batch …")
    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)

    db = open_for_writing(args.out, templates, args.checked)
    total = args.units * len(args.year_list)
    done = db.execute("SELECT count(*) FROM disclosure").fetchone()[0]
    facts = db.execute("SELECT count(*) FROM fact").fetchone()[0]
    started = time.monotonic()
    session_facts = 0
    note(f"{args.out}: {done:,} of {total:,} disclosures, {facts:,} facts; continuing")
    goal = min(total, args.stop_at_disclosures or total)
    while done < goal and not stop_requested:
        count = min(args.batch, goal - done)
        before = time.monotonic()
        write_batch(db, done, count, args)
        added = db.execute("SELECT count(*) FROM fact WHERE id >= ?",
                           ((done + 1) * MAX_FACTS_PER_TEMPLATE,)).fetchone()[0]
        done += count
        facts += added
        session_facts += added
        elapsed = time.monotonic() - started
        note(f"{done:,}/{total:,} disclosures, {facts:,} facts, {os.path.getsize(args.out) / 1e9:.2f} GB; "
             f"batch {time.monotonic() - before:.1f} s; {session_facts / elapsed:,.0f} facts/s this run")
        if args.stop_at_facts and facts >= args.stop_at_facts:
            break
        if args.time_limit and elapsed >= args.time_limit:
            break
    restore_triggers(db)
    # Spot check: the stored choice of a few units (the first, the last reached, some between)
    # against schema.sql's definition.
    reached = min(done, args.units)
    sample = sorted({u for u in (1, 2, 3, reached // 3, reached // 2, reached - 1, reached) if u >= 1})
    wrong = verify_choice(db, sample) if reached else []
    if wrong:
        raise SystemExit(f"fact.chosen differs from fact_choice for units {wrong}")
    note(f"fact.chosen agrees with fact_choice for units {sample}")
    db.close()
    note(f"{'complete' if done == total else 'stopped'}: {done:,} disclosures, {facts:,} facts, "
         f"{os.path.getsize(args.out) / 1e9:.2f} GB, {time.monotonic() - started:.0f} s this run")
    print(args.out)


if __name__ == "__main__":
    main()
