-- dq schema: one normalized database of 部门决算 disclosures.
--
-- Conventions
--   * Money is INTEGER 分 (1 万元 = 1,000,000 分). Never REAL.
--   * Rates are printed percentages kept exactly: rate_scaled / 10^rate_decimals percent
--     (84.69% -> 8469, 2; 11% -> 11, 0).
--   * Blank and 0 differ: a blank cell is no row; an explicit 0 (or 持平) is a row holding 0.
--   * Every row that came from a document carries provenance: source_kind and the 1-based
--     line range (line_from .. line_to) of the file as given.
--   * Source kinds: 'table' (a table cell), 'text' (the narrative), 'chart' (data behind a
--     figure), 'residue' (a reviewer's comment left in the document). Queries read one value
--     per key by the precedence table > text > chart; residue is never a value.
--   * All tables are STRICT; foreign keys are on (the Store turns them on per connection).
--   * The CHECKs of the tables an import writes row by row list three or more allowed values
--     as equalities joined by OR, not `x IN (…)`: SQLite checks such an IN list against a
--     temporary index it builds again for every row inserted.
--
-- The schema version lives in PRAGMA user_version (set by the Store after this script);
-- the hash of the embedded seed data lives in meta('seed_hash').

-- Key/value facts about the database itself.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

------------------------------------------------------------------------------------------
-- Reference data (catalog)
------------------------------------------------------------------------------------------

-- Fund scopes. A measure belongs to exactly one; a classification row is read in one.
--   all: every source of funds (本年收入/支出合计, 支出决算表)
--   fiscal: 财政拨款 (all three budgets)
--   general: 一般公共预算财政拨款; gov_fund: 政府性基金预算财政拨款;
--   soe: 国有资本经营预算财政拨款
CREATE TABLE fund (
    id         TEXT PRIMARY KEY,
    name_zh    TEXT NOT NULL UNIQUE,
    name_en    TEXT NOT NULL UNIQUE,
    sort_order INTEGER NOT NULL UNIQUE
) STRICT;

-- Columns of a figure: which printed column a value sits in (决算数, 基本支出, 年初预算 …).
CREATE TABLE fact_column (
    id         TEXT PRIMARY KEY,
    name_zh    TEXT NOT NULL UNIQUE,
    name_en    TEXT NOT NULL UNIQUE,
    sort_order INTEGER NOT NULL UNIQUE
) STRICT;

-- Catalog of named measures. Fund scope is part of a measure's identity: 本年支出合计,
-- 财政拨款支出 and 一般公共预算财政拨款支出 are three measures even when equal.
--   parent_id/relation: 'part' children add up to the parent; 'of_which' (其中) children
--   are subsets that do not add up (e.g. 授予中小企业合同金额 of 政府采购).
--   value_kind: money (facts hold amount_fen), count (quantity, in count_unit: 辆, 人 …)
--   or points (quantity in hundredths of a point, e.g. a self-evaluation score).
--   sort_order: template order, used for every listing of measures.
CREATE TABLE measure (
    id         TEXT PRIMARY KEY,
    name_zh    TEXT NOT NULL UNIQUE,
    name_en    TEXT NOT NULL UNIQUE,
    fund_id    TEXT NOT NULL REFERENCES fund(id),
    value_kind TEXT NOT NULL CHECK (value_kind IN ('money', 'count', 'points')),
    count_unit TEXT,
    parent_id  TEXT REFERENCES measure(id),
    relation   TEXT CHECK (relation IN ('part', 'of_which')),
    sort_order INTEGER NOT NULL UNIQUE,
    description TEXT,
    CHECK ((parent_id IS NULL) = (relation IS NULL)),
    CHECK ((value_kind = 'count') = (count_unit IS NOT NULL)),
    -- What a fact's (measure_id, fund_id) refers to: a measure's fact carries its fund.
    UNIQUE (id, fund_id)
) STRICT;
CREATE INDEX measure_parent ON measure(parent_id);

-- Other names of a measure (Chinese short forms, English synonyms). An alias names one
-- measure only; canonical names are looked up in measure itself.
CREATE TABLE measure_alias (
    alias      TEXT PRIMARY KEY,
    measure_id TEXT NOT NULL REFERENCES measure(id)
) STRICT;

-- 支出功能分类科目 (functional classification): 类 = 3 digits, 款 = 5, 项 = 7. Names change
-- between fiscal years, so each name has a validity range (to_year NULL = still in force).
-- The parent of a code is its prefix; `level` is 1 (类), 2 (款) or 3 (项).
CREATE TABLE func_code (
    code      TEXT NOT NULL CHECK (length(code) IN (3, 5, 7) AND code GLOB '[0-9]*'),
    from_year INTEGER NOT NULL,
    to_year   INTEGER,
    name      TEXT NOT NULL,
    level     INTEGER NOT NULL GENERATED ALWAYS AS ((length(code) - 1) / 2) STORED,
    PRIMARY KEY (code, from_year),
    CHECK (to_year IS NULL OR to_year >= from_year)
) STRICT;

-- 部门预算支出经济分类 (economic classification): 类 = 3 digits (301), 款 = 5 (30101).
CREATE TABLE econ_code (
    code      TEXT NOT NULL CHECK (length(code) IN (3, 5) AND code GLOB '[0-9]*'),
    from_year INTEGER NOT NULL,
    to_year   INTEGER,
    name      TEXT NOT NULL,
    level     INTEGER NOT NULL GENERATED ALWAYS AS ((length(code) - 1) / 2) STORED,
    PRIMARY KEY (code, from_year),
    CHECK (to_year IS NULL OR to_year >= from_year)
) STRICT;

------------------------------------------------------------------------------------------
-- Units and their disclosures
------------------------------------------------------------------------------------------

-- A disclosing body. parent_id links a 二级单位 to its 部门.
--   kind: 部门 (consolidated department) or 单位 (one budget unit).
CREATE TABLE unit (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL,
    region    TEXT NOT NULL,
    kind      TEXT NOT NULL CHECK (kind IN ('部门', '单位')),
    parent_id INTEGER REFERENCES unit(id),
    UNIQUE (name, region),
    CHECK (parent_id IS NULL OR parent_id != id)
) STRICT;
CREATE INDEX unit_parent ON unit(parent_id);

-- Every way the documents print a unit's name.
CREATE TABLE unit_alias (
    alias   TEXT NOT NULL,
    unit_id INTEGER NOT NULL REFERENCES unit(id) ON DELETE CASCADE,
    PRIMARY KEY (alias, unit_id)
) STRICT;

-- Unit names and aliases for lookup by substring (`for 财政`) without reading every unit:
-- folded as Core's NameFold (brackets to ASCII, quotes and spaces removed; the trigram
-- tokenizer ignores case), one row per name or alias, kept by the triggers below.
CREATE VIRTUAL TABLE unit_search USING fts5(name, unit_id UNINDEXED, tokenize = 'trigram');
CREATE TRIGGER unit_search_name AFTER INSERT ON unit BEGIN
    INSERT INTO unit_search(name, unit_id) VALUES (replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.name, '（', '('), '）', ')'), '“', ''), '”', ''), '"', ''), '‘', ''), '’', ''), '''', ''), '「', ''), '」', ''), ' ', ''), '　', ''), NEW.id);
END;
CREATE TRIGGER unit_search_alias AFTER INSERT ON unit_alias BEGIN
    INSERT INTO unit_search(name, unit_id) VALUES (replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(NEW.alias, '（', '('), '）', ')'), '“', ''), '”', ''), '"', ''), '‘', ''), '’', ''), '''', ''), '「', ''), '」', ''), ' ', ''), '　', ''), NEW.unit_id);
END;
CREATE TRIGGER unit_search_unit_delete AFTER DELETE ON unit BEGIN
    DELETE FROM unit_search WHERE unit_id = OLD.id;
END;

-- One published document: a unit's 决算 (or 预算) for a fiscal year.
--   kind: 决算 (final account) or 预算 (budget); scope: 部门 (the department's consolidated
--   document, 部门决算/部门预算) or 单位 (one budget unit's own, 单位预算). A unit may publish
--   one document per (year, kind, scope): a 部门预算 and a 单位预算 of the same body and year,
--   or its 决算 and 预算, never collide. Queries read 决算 unless asked for budget figures.
--   template: 'sichuan' (seed), 'shanghai' (9 tables), 'shanghai_budget', …
--   sha256: of the source file's bytes, so that importing the same file is recognized.
--   money_unit: the unit the document prints money in (万元 or 元).
--   origin: 'seed' (embedded in the binary) or 'import' (read by dq import).
CREATE TABLE disclosure (
    id          INTEGER PRIMARY KEY,
    unit_id     INTEGER NOT NULL REFERENCES unit(id),
    year        INTEGER NOT NULL CHECK (year BETWEEN 1990 AND 2100),
    kind        TEXT NOT NULL CHECK (kind IN ('决算', '预算')),
    scope       TEXT NOT NULL DEFAULT '部门' CHECK (scope IN ('部门', '单位')),
    template    TEXT NOT NULL,
    title       TEXT NOT NULL,
    source_file TEXT NOT NULL,
    sha256      TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
    money_unit  TEXT NOT NULL CHECK (money_unit IN ('万元', '元')),
    line_count  INTEGER NOT NULL,
    origin      TEXT NOT NULL CHECK (origin IN ('seed', 'import')),
    UNIQUE (unit_id, year, kind, scope)
) STRICT;
-- The loaded years of each kind, probed once per year (the catalog's year list).
CREATE INDEX disclosure_kind_year ON disclosure(kind, year);

------------------------------------------------------------------------------------------
-- Figures
------------------------------------------------------------------------------------------

-- One printed occurrence of a figure. The key is (disclosure, measure or code, fund,
-- column, year); a key printed several times has several rows, each with its provenance.
--   measure_id XOR code: a catalog measure, or a functional-classification code read in
--   fund_id (for a measure, fund_id repeats the measure's fund: the foreign key on
--   (measure_id, fund_id) enforces it, and is not checked for a code, whose measure_id is NULL).
--   year: the fiscal year the figure is about (a 2023 disclosure states 2022 figures).
--   amount_fen for money (codes are always money), quantity for counts and points
--   (measure.value_kind tells which).
--   printed: the number exactly as printed ('25.5', '0'); printed_unit: 万元, 元, 辆 ….
--   derived = 1: not printed but computed from a stated change (12.52 − 5.63); its inputs
--   are in derivation_input, printed is NULL and the lines are those of the inputs.
--   status: 'ok', or 'quarantined' when the figure comes from a table whose identities fail
--   wholesale (source_table.status): kept and shown as uncertain, never used in arithmetic.
--   source_table, row_label, column_label, page: where a table figure is printed — the
--   table's title, the row's code and label and the column heading as the document prints
--   them, the page (NULL for text, charts and documents read before they were recorded).
--   chosen = 1: the occurrence queries read for its key (see fact_choice below); kept by the
--   writer in the import transaction for every fact of the unit whose disclosure changed.
CREATE TABLE fact (
    id            INTEGER PRIMARY KEY,
    disclosure_id INTEGER NOT NULL REFERENCES disclosure(id) ON DELETE CASCADE,
    measure_id    TEXT,
    code          TEXT,
    fund_id       TEXT NOT NULL REFERENCES fund(id),
    column_id     TEXT NOT NULL REFERENCES fact_column(id),
    year          INTEGER NOT NULL,
    amount_fen    INTEGER,
    quantity      INTEGER,
    printed       TEXT,
    printed_unit  TEXT,
    derived       INTEGER NOT NULL DEFAULT 0 CHECK (derived IN (0, 1)),
    source_kind   TEXT NOT NULL CHECK (source_kind = 'table' OR source_kind = 'text' OR source_kind = 'chart'),
    line_from     INTEGER NOT NULL CHECK (line_from >= 1),
    line_to       INTEGER NOT NULL,
    status        TEXT NOT NULL DEFAULT 'ok' CHECK (status IN ('ok', 'quarantined')),
    source_table  TEXT,
    row_label     TEXT,
    column_label  TEXT,
    page          INTEGER CHECK (page IS NULL OR page >= 1),
    chosen        INTEGER NOT NULL DEFAULT 0 CHECK (chosen IN (0, 1)),
    CHECK ((measure_id IS NULL) != (code IS NULL)),
    CHECK ((amount_fen IS NULL) != (quantity IS NULL)),
    CHECK (line_to >= line_from),
    CHECK ((derived = 1) = (printed IS NULL)),
    CHECK (code IS NULL OR ((length(code) = 3 OR length(code) = 5 OR length(code) = 7) AND code GLOB '[0-9]*')),
    FOREIGN KEY (measure_id, fund_id) REFERENCES measure(id, fund_id)
) STRICT;
CREATE INDEX fact_measure ON fact(measure_id, disclosure_id, year) WHERE measure_id IS NOT NULL;
CREATE INDEX fact_code ON fact(code, disclosure_id, year) WHERE code IS NOT NULL;
CREATE INDEX fact_disclosure ON fact(disclosure_id);
-- The chosen value of each key, one entry per key: a unit's figures are its 决算 disclosures'
-- entries, so that a query reads one row per key through these instead of ranking occurrences.
CREATE INDEX fact_chosen_measure ON fact(disclosure_id, measure_id, column_id, year)
    WHERE chosen = 1 AND measure_id IS NOT NULL;
CREATE INDEX fact_chosen_code ON fact(disclosure_id, fund_id, year, column_id, code)
    WHERE chosen = 1 AND code IS NOT NULL;

-- Which occurrence is a unit's value for each key (SPEC §6 "Years", §3 "Facts"): among the
-- facts of the unit's 决算 disclosures (a 预算 never competes) with the same measure or code,
-- fund, column and year, the one from the disclosure nearest the figure's year (its own
-- year's 决算, else the nearest later one that states it), then table > text > chart, printed
-- before derived, then the earliest line. Quarantined facts compete like any other.
-- The writer stores the answer in fact.chosen (Store's ValueChoice, per unit):
--   UPDATE fact SET chosen = c.chosen FROM fact_choice c
--   WHERE c.unit_id = ? AND fact.id = c.fact_id AND fact.chosen != c.chosen
CREATE VIEW fact_choice AS
SELECT d.unit_id, f.id AS fact_id,
       row_number() OVER (
           PARTITION BY d.unit_id, f.measure_id, f.code, f.fund_id, f.column_id, f.year
           ORDER BY abs(d.year - f.year), CASE f.source_kind WHEN 'table' THEN 0 WHEN 'text' THEN 1 ELSE 2 END,
                    f.derived, f.line_from, f.id
       ) = 1 AS chosen
FROM disclosure d JOIN fact f ON f.disclosure_id = d.id
WHERE d.kind = '决算';

-- One table of a document as read. status 'quarantined': most of the table's identities
-- (row total = Σ columns, parent = Σ children) fail, so its facts carry status
-- 'quarantined'; reason says which failed, raw_cells keeps the rows as printed
-- (key TAB cell TAB cell …, one row per line). The audit reports such a table once.
CREATE TABLE source_table (
    id            INTEGER PRIMARY KEY,
    disclosure_id INTEGER NOT NULL REFERENCES disclosure(id) ON DELETE CASCADE,
    title         TEXT NOT NULL,
    line_from     INTEGER NOT NULL CHECK (line_from >= 1),
    line_to       INTEGER NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('ok', 'quarantined')),
    reason        TEXT,
    raw_cells     TEXT,
    CHECK (line_to >= line_from),
    CHECK ((status = 'quarantined') = (reason IS NOT NULL))
) STRICT;
CREATE INDEX source_table_disclosure ON source_table(disclosure_id);

-- The rates and changes a document states, kept as printed and linked to what they are
-- rates of, so that `check` can recompute them.
--   kind: share (占 x% of base), growth (增长/下降 x% against the prior year),
--         change (增加/减少/持平 by an amount against the prior year),
--         completion (完成预算 x%), execution (执行率 x%, a project's executed / adjusted).
--   direction: 增加, 减少 or 持平 as worded (NULL when the sentence names none).
--   rate_scaled/rate_decimals: the printed percentage (share, growth, completion,
--   execution); amount_fen: the printed amount (change). 持平 alone is a change of 0;
--   a completion may be worded without a rate (决算数与预算数持平).
--   part_fact_id: the figure the statement is about (numerator, current year);
--   base_fact_id: its base (whole for a share, prior year for growth and change, budget for
--   completion) where the document gives one; base_measure_id/base_code otherwise name it.
--   basis: the budget a completion rate is against (年初, 调整后, 未说明).
CREATE TABLE statement (
    id              INTEGER PRIMARY KEY,
    disclosure_id   INTEGER NOT NULL REFERENCES disclosure(id) ON DELETE CASCADE,
    kind            TEXT NOT NULL CHECK (kind = 'share' OR kind = 'growth' OR kind = 'change' OR kind = 'completion' OR kind = 'execution'),
    printed         TEXT NOT NULL,
    direction       TEXT CHECK (direction = '增加' OR direction = '减少' OR direction = '持平'),
    rate_scaled     INTEGER,
    rate_decimals   INTEGER CHECK (rate_decimals BETWEEN 0 AND 6),
    amount_fen      INTEGER,
    part_fact_id    INTEGER REFERENCES fact(id) ON DELETE CASCADE,
    base_fact_id    INTEGER REFERENCES fact(id) ON DELETE CASCADE,
    basis           TEXT CHECK (basis = '年初' OR basis = '调整后' OR basis = '未说明'),
    source_kind     TEXT NOT NULL CHECK (source_kind = 'table' OR source_kind = 'text' OR source_kind = 'chart'),
    line_from       INTEGER NOT NULL CHECK (line_from >= 1),
    line_to         INTEGER NOT NULL,
    CHECK ((rate_scaled IS NULL) = (rate_decimals IS NULL)),
    CHECK (kind != 'change' OR amount_fen IS NOT NULL),
    CHECK (kind = 'change' OR rate_scaled IS NOT NULL OR direction IS NOT NULL),
    CHECK (kind != 'completion' OR basis IS NOT NULL),
    CHECK (line_to >= line_from)
) STRICT;
CREATE INDEX statement_part ON statement(part_fact_id);
CREATE INDEX statement_base ON statement(base_fact_id);
CREATE INDEX statement_disclosure ON statement(disclosure_id);

-- Inputs of a derived fact: value = Σ sign × value(input), each input a fact or a
-- change statement. Lets `check` and the tests recompute every derived figure.
CREATE TABLE derivation_input (
    fact_id            INTEGER NOT NULL REFERENCES fact(id) ON DELETE CASCADE,
    position           INTEGER NOT NULL,
    sign               INTEGER NOT NULL CHECK (sign IN (-1, 1)),
    input_fact_id      INTEGER REFERENCES fact(id) ON DELETE CASCADE,
    input_statement_id INTEGER REFERENCES statement(id) ON DELETE CASCADE,
    PRIMARY KEY (fact_id, position),
    CHECK ((input_fact_id IS NULL) != (input_statement_id IS NULL))
) STRICT;
-- Deleting a disclosure (dq import --replace) cascades to the derivations that use its facts
-- and statements: without these, each deleted fact would scan the whole table.
CREATE INDEX derivation_input_fact ON derivation_input(input_fact_id);
CREATE INDEX derivation_input_statement ON derivation_input(input_statement_id);

------------------------------------------------------------------------------------------
-- Performance self-evaluation (绩效自评)
------------------------------------------------------------------------------------------

-- A project with a self-evaluation form (or named in the text).
--   seq: order in the document; code: 51090423T000008810877; name: 春节慰问费（2023）.
CREATE TABLE project (
    id             INTEGER PRIMARY KEY,
    disclosure_id  INTEGER NOT NULL REFERENCES disclosure(id) ON DELETE CASCADE,
    seq            INTEGER NOT NULL,
    code           TEXT,
    name           TEXT NOT NULL,
    department     TEXT,
    implementer    TEXT,
    annual_goal    TEXT,
    goal_achieved  TEXT,
    overview       TEXT,
    conclusion     TEXT,
    problems       TEXT,
    improvements   TEXT,
    owner          TEXT,
    finance_owner  TEXT,
    has_form       INTEGER NOT NULL CHECK (has_form IN (0, 1)),
    line_from      INTEGER NOT NULL CHECK (line_from >= 1),
    line_to        INTEGER NOT NULL,
    UNIQUE (disclosure_id, seq),
    CHECK (line_to >= line_from)
) STRICT;
CREATE INDEX project_name ON project(name);
CREATE INDEX project_code ON project(code) WHERE code IS NOT NULL;

-- One printed figure about a project's money or score: a cell of the 预算执行情况 block
-- (source_kind 'table') or a sentence of a report (source_kind 'text').
--   funding_row: total (总额), fiscal (财政资金), special_account (财政专户管理资金),
--                unit_funds (单位资金), other (其他资金).
--   field: initial (年初预算), adjusted (调整后预算数), executed (预算执行数),
--          adjustment (年中调增/调减, signed), rate (预算执行率), weight (权重), score (得分).
--   Money in amount_fen; rate as rate_scaled/rate_decimals; weight and score in
--   points_centi (hundredths of a point). A printed '/' is no row; an empty cell is no row.
CREATE TABLE project_figure (
    id            INTEGER PRIMARY KEY,
    project_id    INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
    funding_row   TEXT NOT NULL CHECK (funding_row = 'total' OR funding_row = 'fiscal' OR funding_row = 'special_account' OR funding_row = 'unit_funds' OR funding_row = 'other'),
    field         TEXT NOT NULL CHECK (field = 'initial' OR field = 'adjusted' OR field = 'executed' OR field = 'adjustment' OR field = 'rate' OR field = 'weight' OR field = 'score'),
    amount_fen    INTEGER,
    rate_scaled   INTEGER,
    rate_decimals INTEGER,
    points_centi  INTEGER,
    printed       TEXT NOT NULL,
    source_kind   TEXT NOT NULL CHECK (source_kind IN ('table', 'text')),
    line_from     INTEGER NOT NULL CHECK (line_from >= 1),
    line_to       INTEGER NOT NULL,
    CHECK ((amount_fen IS NOT NULL) + (rate_scaled IS NOT NULL) + (points_centi IS NOT NULL) = 1),
    CHECK ((field = 'initial' OR field = 'adjusted' OR field = 'executed' OR field = 'adjustment') = (amount_fen IS NOT NULL)),
    CHECK ((field = 'rate') = (rate_scaled IS NOT NULL)),
    CHECK ((rate_scaled IS NULL) = (rate_decimals IS NULL)),
    CHECK (line_to >= line_from)
) STRICT;
CREATE INDEX project_figure_project ON project_figure(project_id, funding_row, field);

-- One row of a project's 绩效指标 table, as printed.
--   operator_printed: ＝ ＞ ＜ ≥ ≤ 定性 as printed; operator: its normal form
--   ('=', '>', '<', '>=', '<=', 'qualitative').
--   target/actual: as printed (指标值 / 完成值); unit: 度量单位.
--   weight_centi/score_centi: hundredths of a point. is_total = 1 for the 合计 row.
CREATE TABLE indicator (
    id               INTEGER PRIMARY KEY,
    project_id       INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
    seq              INTEGER NOT NULL,
    level1           TEXT,
    level2           TEXT,
    level3           TEXT,
    operator_printed TEXT,
    operator         TEXT CHECK (operator = '=' OR operator = '>' OR operator = '<' OR operator = '>=' OR operator = '<=' OR operator = 'qualitative'),
    target           TEXT,
    unit             TEXT,
    actual           TEXT,
    weight_centi     INTEGER,
    score_centi      INTEGER,
    reason           TEXT,
    is_total         INTEGER NOT NULL DEFAULT 0 CHECK (is_total IN (0, 1)),
    line_from        INTEGER NOT NULL CHECK (line_from >= 1),
    line_to          INTEGER NOT NULL,
    UNIQUE (project_id, seq),
    CHECK ((operator IS NULL) = (operator_printed IS NULL)),
    CHECK (line_to >= line_from)
) STRICT;

------------------------------------------------------------------------------------------
-- Narrative
------------------------------------------------------------------------------------------

-- A paragraph of the document's prose, with the heading path it sits under: hard-wrapped
-- lines are re-joined, so one paragraph spans source lines line_from..line_to. line_starts
-- maps the body back to those lines: 'offset:line' pairs, comma-separated, where each line
-- after the first begins (offset = characters before it in body, as substr/instr count);
-- NULL for a paragraph of one line. source_kind 'residue' marks reviewers' comments left in
-- the document. The front matter is kept under sections 封面 (cover) and 目录 (contents).
CREATE TABLE paragraph (
    id            INTEGER PRIMARY KEY,
    disclosure_id INTEGER NOT NULL REFERENCES disclosure(id) ON DELETE CASCADE,
    section       TEXT NOT NULL,
    body          TEXT NOT NULL CHECK (body != ''),
    source_kind   TEXT NOT NULL CHECK (source_kind IN ('text', 'residue')),
    line_from     INTEGER NOT NULL CHECK (line_from >= 1),
    line_to       INTEGER NOT NULL,
    line_starts   TEXT,
    CHECK (line_to >= line_from)
) STRICT;
CREATE INDEX paragraph_disclosure ON paragraph(disclosure_id, line_from);

-- Full-text index over paragraph bodies. The trigram tokenizer finds Chinese substrings of
-- three or more characters over many units; shorter queries (慰问, 三公), and any query over a
-- few named units, scan those disclosures' paragraph.body with instr() instead.
-- Whoever inserts paragraphs indexes them in one statement per batch of documents, in rowid
-- order (indexing row by row from a trigger made an import's indexing cost more than twice as
-- much); dq import does it when a batch commits, the seeds per disclosure:
--   INSERT INTO paragraph_fts(rowid, body) SELECT id, body FROM paragraph WHERE disclosure_id = ?
-- Deleting a paragraph takes it out of the index (trigger below).
CREATE VIRTUAL TABLE paragraph_fts USING fts5(
    body, content = 'paragraph', content_rowid = 'id', tokenize = 'trigram'
);
-- Merge settings (stored in the index): segments merged eight at a time instead of four and up
-- to 4 MB of new entries held before a segment is written (instead of 1 MB), so that an import
-- rewrites each entry fewer times (measured: ≈ 0.5 ms of CPU less per document at 2,000).
INSERT INTO paragraph_fts(paragraph_fts, rank) VALUES ('automerge', 8);
INSERT INTO paragraph_fts(paragraph_fts, rank) VALUES ('hashsize', 4194304);
CREATE TRIGGER paragraph_fts_delete AFTER DELETE ON paragraph BEGIN
    INSERT INTO paragraph_fts(paragraph_fts, rowid, body) VALUES ('delete', OLD.id, OLD.body);
END;

------------------------------------------------------------------------------------------
-- Views that queries read
------------------------------------------------------------------------------------------

-- One value per fact key: an unquarantined occurrence first, then the best source
-- (table > text > chart), then the earliest line. Printed facts win over derived ones of the same source kind.
CREATE VIEW fact_value AS
SELECT * FROM (
    SELECT f.*,
           row_number() OVER (
               PARTITION BY f.disclosure_id, f.measure_id, f.code, f.fund_id, f.column_id, f.year
               ORDER BY f.status != 'ok', CASE f.source_kind WHEN 'table' THEN 0 WHEN 'text' THEN 1 ELSE 2 END,
                        f.derived, f.line_from, f.id
           ) AS occurrence_rank
    FROM fact f
) WHERE occurrence_rank = 1;

-- A project's headline figures: the 总额 funding row (table cells before text), the
-- printed 预算执行率 as hundredths of a percent (rate_e2: 100.00% = 10000), and the form's
-- 合计 weight and score in hundredths of a point.
CREATE VIEW project_value AS
SELECT p.id AS project_id, p.disclosure_id, d.unit_id, d.year, p.seq, p.code, p.name, p.has_form,
       (SELECT x.amount_fen FROM project_figure x WHERE x.project_id = p.id AND x.funding_row = 'total'
          AND x.field = 'initial' ORDER BY x.source_kind != 'table', x.line_from LIMIT 1) AS initial_fen,
       (SELECT x.amount_fen FROM project_figure x WHERE x.project_id = p.id AND x.funding_row = 'total'
          AND x.field = 'adjusted' ORDER BY x.source_kind != 'table', x.line_from LIMIT 1) AS adjusted_fen,
       (SELECT x.amount_fen FROM project_figure x WHERE x.project_id = p.id AND x.funding_row = 'total'
          AND x.field = 'executed' ORDER BY x.source_kind != 'table', x.line_from LIMIT 1) AS executed_fen,
       (SELECT CASE x.rate_decimals WHEN 0 THEN x.rate_scaled * 100 WHEN 1 THEN x.rate_scaled * 10
                                    WHEN 2 THEN x.rate_scaled END
          FROM project_figure x WHERE x.project_id = p.id AND x.funding_row = 'total' AND x.field = 'rate'
          ORDER BY x.source_kind != 'table', x.line_from LIMIT 1) AS rate_e2,
       (SELECT i.weight_centi FROM indicator i WHERE i.project_id = p.id AND i.is_total = 1) AS weight_centi,
       (SELECT i.score_centi FROM indicator i WHERE i.project_id = p.id AND i.is_total = 1) AS score_centi
FROM project p JOIN disclosure d ON d.id = p.disclosure_id;
