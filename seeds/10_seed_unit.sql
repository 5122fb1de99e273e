-- The seed disclosure's unit, its 二级单位 (lines 32-40) and the disclosure itself.
-- Source: shared/disclosures/000_aa60969cd7f058a1.txt (2086 lines).

INSERT INTO unit (id, name, region, kind, parent_id) VALUES
    (1, '中国共产党遂宁市安居区委员会办公室', '四川省遂宁市安居区', '部门', NULL),  -- lines 496, 498
    (2, '区委党史研究室',                     '四川省遂宁市安居区', '单位', 1),     -- line 34
    (3, '区电子政务管理中心',                 '四川省遂宁市安居区', '单位', 1),     -- line 36
    (4, '民主党派服务地方发展促进中心',       '四川省遂宁市安居区', '单位', 1),     -- line 38
    (5, '公务服务中心',                       '四川省遂宁市安居区', '单位', 1);     -- line 40

INSERT INTO unit_alias (alias, unit_id) VALUES
    ('中共遂宁市安居区委办公室', 1),                -- the publication's title (SPEC §1); not printed in the text
    ('中国共产党遂宁市安居区委员会办公室部门', 1),  -- line 496 (主管部门)
    ('遂宁市安居区委员会办公室', 1),                -- lines 148, 152, 156, 250
    ('安居区委办', 1),                              -- line 30
    ('区委办公室', 1),                              -- line 162
    ('区委办', 1);                                  -- line 32

-- The title is the publication's (the text itself prints no title line).
INSERT INTO disclosure (id, unit_id, year, kind, template, title, source_file, sha256, money_unit, line_count, origin) VALUES
    (1, 1, 2023, '决算', 'sichuan', '中共遂宁市安居区委办公室2023年度部门决算', '000_aa60969cd7f058a1.txt',
     'ad55e39453befcca0fd4ffb4950c5ac7ccb00119dce321d83eed00aa28604c4b', '万元', 2086, 'seed');
