-- Categories of matters that public opinion in a county is about; routing by competence
-- (谁主管谁负责) matches an event's category to the units whose competence covers it.
-- Administrators may add more.
insert into matter_category (code, name) values
 ('POLICY',       '政策解读'),
 ('HOUSING',      '住房城乡建设'),
 ('EDUCATION',    '教育'),
 ('HEALTH',       '医疗卫生'),
 ('TRANSPORT',    '交通运输'),
 ('ENVIRONMENT',  '生态环境'),
 ('MARKET',       '市场监管与食品药品安全'),
 ('PUBLIC_ORDER', '社会治安'),
 ('CIVIL',        '民政与社会救助'),
 ('EMPLOYMENT',   '人力资源和社会保障'),
 ('AGRICULTURE',  '农业农村'),
 ('LAND',         '自然资源与土地'),
 ('WATER',        '水利'),
 ('EMERGENCY',    '应急管理与安全生产'),
 ('URBAN',        '城市管理'),
 ('TAX',          '税务'),
 ('FINANCE',      '财政'),
 ('PETITION',     '信访'),
 ('CULTURE',      '文化旅游'),
 ('WEATHER',      '气象'),
 ('POWER',        '电力供应');
