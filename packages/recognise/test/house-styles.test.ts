/**
 * House styles the seeds do not show, written the way other awarding bodies print them:
 * the recogniser must read them by rule, with no new parser.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseSpec, type SpecDocument } from 'qualspec';

const parse = (text: string, path: string) => parseSpec({ text, path });
const shape = (d: SpecDocument) =>
  d.units.map((u) => ({
    ref: u.ref,
    number: u.number,
    title: u.title,
    level: u.level,
    credits: u.credits,
    glh: u.glh,
    outcomes: u.outcomes.map((o) => [o.number, o.text, o.criteria.map((c) => `${c.number} ${c.text}`)]),
  }));

describe('house styles', () => {
  it('lists instead of tables, LO1/AC1.1 prefixes, "Unit 201" headings, "Unit accreditation number" and "URN" labels', async () => {
    const md = `# Example Awards Level 2 Certificate in Retail Skills

Qualification number: 601/3576/1

## Unit 201 Principles of retail

Unit accreditation number: A/506/2130

Level: 2

Credit value: 3

Guided learning hours: 20

### Learning outcomes and assessment criteria

LO1 Understand the retail sector

- AC1.1 Describe the structure of the retail sector
- AC1.2 Explain how retailers
  compete for customers

LO2 Be able to serve customers

- AC2.1 Greet customers to include:
  - face to face
  - by telephone

## Unit 202 Stock control

URN: F/506/2131

Level: 2

Credit value: 2

LO1 Know how stock is controlled

- AC1.1 Describe stock rotation
`;
    const d = await parse(md, 'retail.md');
    expect(shape(d)).toEqual([
      {
        ref: 'A/506/2130', number: '201', title: 'Principles of retail', level: 2, credits: 3, glh: 20,
        outcomes: [
          ['1', 'Understand the retail sector', ['1.1 Describe the structure of the retail sector', '1.2 Explain how retailers compete for customers']],
          ['2', 'Be able to serve customers', ['2.1 Greet customers to include: face to face; by telephone']],
        ],
      },
      { ref: 'F/506/2131', number: '202', title: 'Stock control', level: 2, credits: 2, glh: null, outcomes: [['1', 'Know how stock is controlled', ['1.1 Describe stock rotation']]] },
    ]);
    expect(d.qualification).toMatchObject({ title: 'Example Awards Level 2 Certificate in Retail Skills', number: '601/3576/1', level: 2 });
  });

  it('one table row per criterion, the criterion number in its own narrow column, "Unit reference" label', async () => {
    const md = `Unit title: Handle customer complaints

| Unit reference | J/506/2132 |
| --- | --- |
| Level | 3 |
| Credits | 4 |

| Learning outcome | AC | Assessment criterion |
| --- | --- | --- |
| 1 Understand complaints | 1.1 | Explain why customers complain |
|  | 1.2 | Describe the complaints procedure |
| 2 Be able to resolve complaints | 2.1 | Agree a solution with the customer |
|  | 2.2 | Record the outcome |
`;
    const d = await parse(md, 'complaints.md');
    expect(shape(d)).toEqual([
      {
        ref: 'J/506/2132', number: null, title: 'Handle customer complaints', level: 3, credits: 4, glh: null,
        outcomes: [
          ['1', 'Understand complaints', ['1.1 Explain why customers complain', '1.2 Describe the complaints procedure']],
          ['2', 'Be able to resolve complaints', ['2.1 Agree a solution with the customer', '2.2 Record the outcome']],
        ],
      },
    ]);
  });

  it('running headers and "Page N of M" footers in plain text never reach the criteria', async () => {
    const page = (n: number, body: string) => `Example Awards Qualification Handbook\n\n${body}\n\nVersion 2.1 Page ${n} of 3\n`;
    const text = [
      page(1, 'Unit 7: Work safely\n\nUnit reference: T/506/2126\n\nLevel: 1\n\nLearning outcome 1: Know the hazards\n\n1.1 Identify hazards in the\nworkplace'),
      page(2, '1.2 Report a hazard to the\nright person\n\nLearning outcome 2: Be able to lift safely\n\n2.1 Lift a load'),
      page(3, '2.2 Carry a load'),
    ].join('');
    const d = await parse(text, 'safety.txt');
    expect(shape(d)).toEqual([
      {
        ref: 'T/506/2126', number: '7', title: 'Work safely', level: 1, credits: null, glh: null,
        outcomes: [
          ['1', 'Know the hazards', ['1.1 Identify hazards in the workplace', '1.2 Report a hazard to the right person']],
          ['2', 'Be able to lift safely', ['2.1 Lift a load', '2.2 Carry a load']],
        ],
      },
    ]);
  });

  it('outcome and criteria sections with "The learner will:" headers, bullets, "UAN" and an unknown reference label', async () => {
    const text = `City & Guilds Level 2 Certificate in Retail Knowledge (7298-02)
Qualification handbook

Unit 201 Understand the retail sector
UAN: A/506/2130
Level: 2
Credit value: 4
GLH: 30
Unit aim
This unit is about the retail sector and how it is organised.

Learning outcome
The learner will:
1. Understand how the retail sector is organised
Assessment criteria
The learner can:
1.1 Describe the structure of the retail sector
1.2 Explain the role of
    independent retailers
Learning outcome
The learner will:
2. Know the legal requirements for retail
Assessment criteria
The learner can:
2.1 State the main consumer laws
2.2 Explain the responsibilities of retailers under:
  • the Consumer Rights Act
  • the Equality Act

Unit 202 Serve customers
Accreditation ref. no. F/506/2131
Level: 2
Credit value: 3
GLH: 20
Learning outcome
The learner will:
1. Be able to serve customers
Assessment criteria
The learner can:
1.1 Greet customers
1.2 Identify customer needs
`;
    const d = await parse(text, 'retail.txt');
    expect(d.awardingBody).toBe('City & Guilds');
    expect(shape(d)).toEqual([
      {
        ref: 'A/506/2130', number: '201', title: 'Understand the retail sector', level: 2, credits: 4, glh: 30,
        outcomes: [
          ['1', 'Understand how the retail sector is organised', ['1.1 Describe the structure of the retail sector', '1.2 Explain the role of independent retailers']],
          ['2', 'Know the legal requirements for retail', ['2.1 State the main consumer laws', '2.2 Explain the responsibilities of retailers under: the Consumer Rights Act; the Equality Act']],
        ],
      },
      { ref: 'F/506/2131', number: '202', title: 'Serve customers', level: 2, credits: 3, glh: 20, outcomes: [['1', 'Be able to serve customers', ['1.1 Greet customers', '1.2 Identify customer needs']]] },
    ]);
  });

  it('a reference in brackets after the title, LO-prefixed outcomes and <br>-separated criteria in pipe-table cells', async () => {
    const md = `# NCFE CACHE Level 3 Diploma in Care

## Unit 01 Promote communication in care settings (J/506/2132)

Unit summary: This unit covers communication.

Guided learning hours: 25

Level: 3

| Learning outcomes (LOs) The learner will: | Assessment criteria (ACs) The learner can: |
| --- | --- |
| LO1 Understand why communication is important | 1.1 Identify the different reasons people communicate<br>1.2 Explain how communication affects relationships |
| LO2 Be able to meet communication needs | 2.1 Demonstrate how to establish communication needs<br>2.2 Describe the factors to consider |

## Unit 02 Engage in personal development (L/506/1788)

Guided learning hours: 10

Level: 3

| Learning outcomes (LOs) | Assessment criteria (ACs) |
| --- | --- |
| LO1 Understand what is required for competence | 1.1 Describe the duties and responsibilities of own work role |
`;
    const d = await parse(md, 'care.md');
    expect(shape(d)).toEqual([
      {
        ref: 'J/506/2132', number: '01', title: 'Promote communication in care settings', level: 3, credits: null, glh: 25,
        outcomes: [
          ['1', 'Understand why communication is important', ['1.1 Identify the different reasons people communicate', '1.2 Explain how communication affects relationships']],
          ['2', 'Be able to meet communication needs', ['2.1 Demonstrate how to establish communication needs', '2.2 Describe the factors to consider']],
        ],
      },
      { ref: 'L/506/1788', number: '02', title: 'Engage in personal development', level: 3, credits: null, glh: 10, outcomes: [['1', 'Understand what is required for competence', ['1.1 Describe the duties and responsibilities of own work role']]] },
    ]);
  });

  it('a header phrase run into the first outcome and criterion of a flattened table', async () => {
    const text = 'Unit 3: Handle stock\nUnit reference: T/506/2126\nThe learner will: 1 Know how to store stock The learner can: 1.1 Describe safe storage\n1.2 Explain stock rotation\n';
    const d = await parse(text, 'stock.txt');
    expect(shape(d)[0]!.outcomes).toEqual([['1', 'Know how to store stock', ['1.1 Describe safe storage', '1.2 Explain stock rotation']]]);
  });

  it('a table title row spanning both columns, header rows in a table of their own, labels sharing a line', async () => {
    const html = `<h2>Unit 4: Resolve problems</h2><p>Unit reference: K/506/2169 Level: 3 Credit value: 4</p>
<table><tr><td colspan="2">Learning outcomes and assessment criteria</td></tr>
<tr><td>Learning outcomes</td><td>Assessment criteria</td></tr><tr><td>The learner will:</td><td>The learner can:</td></tr></table>
<table><tr><td>1 Understand problems</td><td><p>1.1 Describe common problems</p><p>1.2 Explain how to escalate a problem</p></td></tr>
<tr><td>2 Be able to resolve problems</td><td><p>2.1 Agree a solution</p></td></tr></table>`;
    const d = await parse(html, 'problems.html');
    expect(shape(d)).toEqual([
      {
        ref: 'K/506/2169', number: '4', title: 'Resolve problems', level: 3, credits: 4, glh: null,
        outcomes: [
          ['1', 'Understand problems', ['1.1 Describe common problems', '1.2 Explain how to escalate a problem']],
          ['2', 'Be able to resolve problems', ['2.1 Agree a solution']],
        ],
      },
    ]);
  });

  it('labels and values on lines of their own (a label table read cell by cell)', async () => {
    const text = 'Unit 9: Work with others\nUnit reference\nH/506/2154\nLevel\n2\nCredit value\n3\nGuided learning hours\n20\nLearning outcome\nAssessment criteria\n1. Know how to work in a team\n1.1 Describe the roles in a team\n1.2 Explain how teams agree goals\n';
    const d = await parse(text, 'team.txt');
    expect(shape(d)).toEqual([
      { ref: 'H/506/2154', number: '9', title: 'Work with others', level: 2, credits: 3, glh: 20, outcomes: [['1', 'Know how to work in a team', ['1.1 Describe the roles in a team', '1.2 Explain how teams agree goals']]] },
    ]);
  });

  it('a section heading after the last criterion ends it; indicative content repeating criterion numbers is not content', async () => {
    const text = `Unit 1: Receive goods
Unit reference number: J/617/4410
Level: 2

LO1 Be able to prepare to receive goods
1.1 Check that the receiving area is clear
1.2 Confirm that equipment is available

Range
Equipment: pallet trucks, forklift trucks
LO2 Be able to check incoming goods
2.1 Check goods against the delivery note
2.2 Record any
discrepancies

Indicative content
1.2 Pallet trucks, forklift trucks, conveyors.
2.2 Goods received note, discrepancy report.
`;
    const d = await parse(text, 'goods.txt');
    expect(shape(d)[0]!.outcomes).toEqual([
      ['1', 'Be able to prepare to receive goods', ['1.1 Check that the receiving area is clear', '1.2 Confirm that equipment is available']],
      ['2', 'Be able to check incoming goods', ['2.1 Check goods against the delivery note', '2.2 Record any discrepancies']],
    ]);
    expect(d.diagnostics.filter((x) => x.code === 'criterion-duplicate')).toEqual([]);
  });

  it('a Range section between criteria of one outcome, and an unnumbered heading before the next outcome’s criteria, end only the text before them', async () => {
    const text = `Unit 2: Store goods
Unit reference number: K/617/4402

LO1 Be able to store goods
1.1 Store goods in the agreed locations
Range
Locations: racking, bulk floor, cold store
1.2 Keep storage areas clean

### Handling stock safely

2.1 Use safe lifting techniques
2.2 Report damaged stock
`;
    const d = await parse(text, 'store.md');
    expect(shape(d)[0]!.outcomes).toEqual([
      ['1', 'Be able to store goods', ['1.1 Store goods in the agreed locations', '1.2 Keep storage areas clean']],
      ['2', '', ['2.1 Use safe lifting techniques', '2.2 Report damaged stock']],
    ]);
  });

  it('labels in a definition list or in row-header cells; criteria in an ordered list that also prints their numbers; outcome and criteria as bold-labelled paragraphs', async () => {
    const html = `<h1>Example Awards Level 2 Certificate in Retail</h1>
<h2>Unit 3: Handle stock</h2>
<dl><dt>Unit reference number</dt><dd>T/506/2126</dd><dt>Level</dt><dd>2</dd><dt>Credit value</dt><dd>3</dd><dt>GLH</dt><dd>20</dd></dl>
<table><tr><th>Learning outcome</th><th>Assessment criteria</th></tr>
<tr><th scope="row">1. Know how to store stock</th><td><ol><li>1.1 Describe safe storage</li><li>1.2 Explain stock rotation</li></ol></td></tr></table>
<h2>Unit 4: Serve customers</h2>
<table><tr><th>Unit reference</th><td>F/506/2131</td></tr><tr><th>Level</th><td>2</td></tr><tr><th>Credits</th><td>2</td></tr></table>
<p><strong>Learning outcome 1:</strong> Be able to greet customers</p>
<p><strong>Assessment criteria</strong></p>
<p>1.1 Greet customers politely</p><p>1.2 Identify customers' needs</p>`;
    const d = await parse(html, 'retail.html');
    expect(shape(d)).toEqual([
      { ref: 'T/506/2126', number: '3', title: 'Handle stock', level: 2, credits: 3, glh: 20, outcomes: [['1', 'Know how to store stock', ['1.1 Describe safe storage', '1.2 Explain stock rotation']]] },
      { ref: 'F/506/2131', number: '4', title: 'Serve customers', level: 2, credits: 2, glh: null, outcomes: [['1', 'Be able to greet customers', ['1.1 Greet customers politely', "1.2 Identify customers' needs"]]] },
    ]);
  });

  it('a reference in brackets before the title, dashed labels, "Learning Outcome 1 –" and "AC 1.1:" numbering, a capitalised heading', async () => {
    const text = `Example Awards Level 3 Diploma in Adult Care (603/1234/8)

Unit 301 (R/616/9520) Promote communication in care settings
Unit Reference Number (URN): R/616/9520
Unit Level: 3
Credit Value – 3
Guided Learning Hours (GLH): 25

Learning Outcome 1 – Understand why communication is important
AC 1.1: Identify the different reasons people communicate
AC 1.2: Explain how communication affects relationships in the work setting

UNIT 302 - ENGAGE IN PERSONAL DEVELOPMENT
Unit reference: L/506/1788
1. Understand what is required for competence
1.1. Describe the duties and responsibilities of own work role
`;
    const d = await parse(text, 'care.txt');
    expect(d.qualification.title).toBe('Example Awards Level 3 Diploma in Adult Care');
    expect(d.qualification.number).toBe('603/1234/8');
    expect(shape(d)).toEqual([
      {
        ref: 'R/616/9520', number: '301', title: 'Promote communication in care settings', level: 3, credits: 3, glh: 25,
        outcomes: [['1', 'Understand why communication is important', ['1.1 Identify the different reasons people communicate', '1.2 Explain how communication affects relationships in the work setting']]],
      },
      { ref: 'L/506/1788', number: '302', title: 'ENGAGE IN PERSONAL DEVELOPMENT', level: null, credits: null, glh: null, outcomes: [['1', 'Understand what is required for competence', ['1.1 Describe the duties and responsibilities of own work role']]] },
    ]);
  });

  it('a title with its reference in brackets and no unit word; a unit TQT label', async () => {
    const text = 'Receive goods into a warehouse (J/617/4410)\nLevel: 2\nCredits: 3\nTQT: 30\n\nLO1 Be able to prepare to receive goods\n1.1 Check that the receiving area is clear\n';
    const d = await parse(text, 'goods.txt');
    expect(shape(d)).toEqual([
      { ref: 'J/617/4410', number: null, title: 'Receive goods into a warehouse', level: 2, credits: 3, glh: null, outcomes: [['1', 'Be able to prepare to receive goods', ['1.1 Check that the receiving area is clear']]] },
    ]);
  });

  it('"Unit 1" alone on a line above the title, the reference under a URN label, AC-prefixed criteria run together', async () => {
    const text = 'Unit 1\nPrinciples of team leading\nURN: A/602/1104\nLevel: 3\nCredits: 4\n\n1. Understand the role of the team leader\nAC1.1 Describe the main responsibilities of a team leader AC1.2 Explain how the role of the team leader differs from that of the manager\n';
    const d = await parse(text, 'ilm.txt');
    expect(shape(d)).toEqual([
      {
        ref: 'A/602/1104', number: '1', title: 'Principles of team leading', level: 3, credits: 4, glh: null,
        outcomes: [['1', 'Understand the role of the team leader', ['1.1 Describe the main responsibilities of a team leader', '1.2 Explain how the role of the team leader differs from that of the manager']]],
      },
    ]);
  });
});

describe('text copies that lost their layout', () => {
  it('field values that rise from unit to unit are not page numbers', async () => {
    const unit = (title: string, ref: string, credits: number, glh: number) =>
      `${title} (${ref})\n\nLevel: 2\nCredits: ${credits}\nGuided learning hours: ${glh}\n\nLO1 Understand ${title.toLowerCase()}\nAC1.1 Describe ${title.toLowerCase()} at work\n\n`;
    const d = await parse(unit('Health and safety', 'K/617/4402', 2, 15) + unit('Receive goods', 'J/617/4410', 3, 20) + unit('Pick orders', 'H/617/4429', 4, 22), 'rising.txt');
    expect(d.units.map((u) => [u.ref, u.level, u.credits, u.glh])).toEqual([
      ['K/617/4402', 2, 2, 15],
      ['J/617/4410', 2, 3, 20],
      ['H/617/4429', 2, 4, 22],
    ]);
  });

  it('a value under its label on a line of its own, rising from unit to unit, is not a page number', async () => {
    const topics = ['Fire safety', 'Manual handling', 'First aid'];
    const unit = (n: number, ref: string, credits: number) =>
      `Unit ${n}: ${topics[n - 1]}\n\nUnit reference number: ${ref}\n\nCredit value\n\n${credits}\n\nLearning outcome 1\n\nUnderstand ${topics[n - 1]}\n\n1.1 Describe ${topics[n - 1]} at work\n\n`;
    const d = await parse(unit(1, 'T/603/0061', 1) + unit(2, 'L/603/0079', 2) + unit(3, 'K/603/0087', 1), 'values.txt');
    expect(d.units.map((u) => [u.ref, u.credits])).toEqual([
      ['T/603/0061', 1],
      ['L/603/0079', 2],
      ['K/603/0087', 1],
    ]);
  });

  it('a title label and its value above a reference line; a label-by-label unit table read line by line', async () => {
    const text = 'Title\n\nPrinciples of warehousing and logistics\n\nUnit reference number\n\nR/605/8112\n\nLevel\n\n3\n\nCredit value\n\n4\n\nUnit aim\n\nThe aim of this unit is to develop knowledge.\n\n1. Understand warehouse operations\n\n1.1 Explain how to improve warehouse operations\n';
    const d = await parse(text, 'labels.txt');
    expect(d.units.map((u) => [u.ref, u.title, u.level, u.credits])).toEqual([['R/605/8112', 'Principles of warehousing and logistics', 3, 4]]);
  });

  it('list lines after a lead-in, their markers lost, are each an item; a qualification title wrapped after a joining word', async () => {
    const text = 'Focus Awards Level 2 Award for Door Supervisors in the\nPrivate Security Industry (RQF)\n\nUnit 201: Understand child development (J/601/7203)\nLevel: 2\nLearning outcome 1: Understand development\nThe learner can:\n1.1 Describe the expected pattern of development, to include:\nphysical development\ncommunication and language development\n1.2 Explain influences on development\n';
    const d = await parse(text, 'copy.txt');
    expect(d.qualification.title).toBe('Focus Awards Level 2 Award for Door Supervisors in the Private Security Industry (RQF)');
    expect(shape(d)[0]!.outcomes[0]![2]).toEqual([
      '1.1 Describe the expected pattern of development, to include: physical development; communication and language development',
      '1.2 Explain influences on development',
    ]);
  });

  it('LO- and AC-prefixed cells name themselves when a header copied from a web page misplaces the columns', async () => {
    const text = [
      'Unit 01 Understanding medicines',
      'Unit accreditation number\tK/615/0902',
      'Learning outcome',
      'The learner will:\tAssessment criteria',
      'The learner can:\tEvidence record',
      'LO1 Understand legislation\tAC1.1 Identify current legislation\t\t',
      '\tAC1.2 Outline the Misuse of Drugs Act 1971\t\t',
      'LO2 Know the classification of medicines\tAC2.1 Describe the classification of medicines\t\t',
    ].join('\n');
    const d = await parse(text, 'copied.txt');
    expect(shape(d)[0]!.outcomes).toEqual([
      ['1', 'Understand legislation', ['1.1 Identify current legislation', '1.2 Outline the Misuse of Drugs Act 1971']],
      ['2', 'Know the classification of medicines', ['2.1 Describe the classification of medicines']],
    ]);
  });

  it('an assessment-method column flattened onto lines of its own is not criterion text', async () => {
    const text = [
      'Unit 1: Principles of working in the private security industry',
      'URN: K/501/1450',
      'Learning outcome 1: Know the private security industry',
      'AC1.1', 'Identify the key purposes of the private security industry', 'MCQ exam',
      'AC1.2', 'State the aims and functions of the Security Industry Authority', 'MCQ exam',
      'Learning outcome 2: Understand legislation',
      'AC2.1', 'Identify the differences between civil and criminal law', 'Portfolio',
      'AC2.2', 'Identify the main aims of the Private Security Industry Act 2001', 'MCQ exam',
      'AC2.3', 'Describe the main features of data protection law, to include:', 'consent', 'storage',
      'AC2.4', 'Explain how to keep records of incidents', 'Portfolio',
      'AC2.5', 'Explain how to report crime', 'Portfolio',
    ].join('\n');
    const d = await parse(text, 'flattened.txt');
    expect(shape(d)[0]!.outcomes.map((o) => o[2])).toEqual([
      ['1.1 Identify the key purposes of the private security industry', '1.2 State the aims and functions of the Security Industry Authority'],
      [
        '2.1 Identify the differences between civil and criminal law',
        '2.2 Identify the main aims of the Private Security Industry Act 2001',
        '2.3 Describe the main features of data protection law, to include: consent; storage',
        '2.4 Explain how to keep records of incidents',
        '2.5 Explain how to report crime',
      ],
    ]);
  });

  it('a Word table turned into markdown paragraphs: the heading said twice, an "Evidence record" column header on a line of its own', async () => {
    const md = [
      '## Unit 01 Understand medication and prescriptions', '', 'Unit title', '', 'Understand medication and prescriptions', '',
      'Unit accreditation number', '', 'J/615/0902', '', 'Level', '', '2', '',
      'Learning outcome  ', '*The learner will:*', '', 'Assessment criteria  ', '*The learner can:*', '', 'Evidence record  ', 'e\\.g\\. page number & method', '',
      'LO1 Understand the legislation relating to medicines', '', 'AC1\\.1 Identify the current legislation', '', 'AC1\\.2 Outline the Misuse of Drugs Act 1971', '',
    ].join('\n');
    const d = await parse(md, 'word.md');
    expect(shape(d)).toEqual([
      {
        ref: 'J/615/0902', number: '01', title: 'Understand medication and prescriptions', level: 2, credits: null, glh: null,
        outcomes: [['1', 'Understand the legislation relating to medicines', ['1.1 Identify the current legislation', '1.2 Outline the Misuse of Drugs Act 1971']]],
      },
    ]);
  });

  it('an assessment-method column of a table copied without its header is not criterion text', async () => {
    const text = [
      'Unit 1: Principles of working in the private security industry',
      'URN\tK/501/1450',
      'Learning outcome 1: Know the private security industry',
      'AC1.1\tIdentify the key purposes of the private security industry\tMCQ exam',
      'AC1.2\tState the aims of the Security Industry Authority\tMCQ exam',
      'AC1.3\tRecognise the standards of behaviour\tPortfolio',
      'AC1.4\tDescribe the role of the licensing body\tMCQ exam',
    ].join('\n');
    const d = await parse(text, 'copied.txt');
    expect(shape(d)[0]!.outcomes[0]![2]).toEqual([
      '1.1 Identify the key purposes of the private security industry',
      '1.2 State the aims of the Security Industry Authority',
      '1.3 Recognise the standards of behaviour Portfolio',
      '1.4 Describe the role of the licensing body',
    ]);
  });

  it('the qualification title under a "Qualification title" or "Title" label on a line of its own beats a wrapped heading above it', async () => {
    for (const label of ['Qualification title', 'Title']) {
      const text = `City & Guilds Level 2 Certificate in Construction Site\nOperations\n${label}\n\nCity & Guilds Level 2 Certificate in Construction Site Operations\n\nQualification number\n\n603/5521/9\n\nUnit 201: Health and safety (D/600/1234)\n1.1 Identify the main legislation\n`;
      const d = await parse(text, 'front.txt');
      expect([label, d.qualification.title, d.qualification.number]).toEqual([label, 'City & Guilds Level 2 Certificate in Construction Site Operations', '603/5521/9']);
    }
  });

  it('a label table read column by column (pdftotext of a word-processor PDF): labels, then their values in order', async () => {
    const text = 'Unit 301: Install and maintain domestic cold water systems\nUnit reference number\nLevel\nCredit value\nGuided learning hours\nTotal unit time\n\nJ/651/0301\n3\n5\n35\n50\n\n1. Understand the water regulations\n1.1 Describe the purpose of the regulations\n';
    const d = await parse(text, 'columns.txt');
    expect(d.units.map((u) => [u.ref, u.number, u.title, u.level, u.credits, u.glh])).toEqual([['J/651/0301', '301', 'Install and maintain domestic cold water systems', 3, 5, 35]]);
  });

  it('markdown headings and list items with a tab after their number are not table rows (Word to markdown)', async () => {
    const md = '# Unit 4: Network security fundamentals\n\n__URN__\n\nD/650/3001\n\n### Learning outcome 1\tUnderstand threats to network security\n\n- 1\\.1\tExplain the CIA triad\n- 1\\.2\tDescribe common network attacks\n';
    const d = await parse(md, 'word.md');
    expect(shape(d)).toEqual([
      { ref: 'D/650/3001', number: '4', title: 'Network security fundamentals', level: null, credits: null, glh: null, outcomes: [['1', 'Understand threats to network security', ['1.1 Explain the CIA triad', '1.2 Describe common network attacks']]] },
    ]);
  });
});

describe('the parts around the units', () => {
  const file = (name: string) => fileURLToPath(new URL(`../../../fixtures/house-styles/${name}`, import.meta.url));

  it('an assessment record repeating a unit’s heading and criteria is not a second unit', async () => {
    const d = await parseSpec(file('assessment-record.html'));
    expect(d.units.map((u) => [u.ref, u.outcomes.length])).toEqual([
      ['D/621/4538', 1],
      ['T/638/5831', 0],
    ]);
    expect(d.units[0]!.outcomes[0]!.text).toBe('Understand the principles of food safety');
    expect(d.diagnostics.filter((x) => x.code === 'unit-repeated').map((x) => x.unit)).toEqual(['D/621/4538']);
  });

  it('the total credits from a rule sentence that goes on to name the groups, and each group’s share', async () => {
    const d = await parseSpec(file('rules-lead-clause.html'));
    const r = d.qualification.rules!;
    expect(r.totalCredits).toBe(12);
    expect(r.groups.map((g) => [g.name, g.kind, g.minCredits, g.maxCredits, g.units.map((u) => u.ref)])).toEqual([
      ['Mandatory Group A', 'mandatory', 5, 5, ['D/621/4538']],
      ['Optional Group B', 'optional', 7, null, ['T/638/5831']],
    ]);
  });

  it('contents lines (dot leaders, Word contents styles) are not structure-table rows', async () => {
    const html = await parseSpec(file('contents-dot-leaders.html'));
    expect(html.qualification.rules!.groups.map((g) => g.name)).toEqual(['Mandatory Group A', 'Optional Group B']);
    expect(html.diagnostics.filter((x) => x.code.endsWith('-mismatch-table'))).toEqual([]);
    const docx = await parseSpec(file('contents-styles.docx'));
    expect(docx.qualification.rules).toBeNull();
    expect(docx.units.map((u) => u.ref)).toEqual(['D/650/1121']);
  });

  it('criteria in lists restarting under each outcome: named in the decimal scheme the unit prints, else kept as printed', async () => {
    const page = (typed: string) => `<h2>Unit 5 - Learning outcomes and assessment criteria</h2>
<table><tr><td>Unit Reference Number</td><td>L/617/1234</td></tr><tr><td>Unit Title</td><td>Managing food safety</td></tr><tr><td>Unit Level</td><td>4</td></tr></table>
<table><tr><td>Learning Outcomes- The learner will:</td><td>Assessment Criteria- The learner can:</td></tr>
<tr><td>1. Understand food hazards.</td><td><ol><li>Describe hazards to food.</li><li>Explain temperature control.</li></ol></td></tr></table>
<table><tr><td></td><td><p>${typed}Evaluate allergen controls.</p></td></tr>
<tr><td>2. Be able to review food safety.</td><td><ol><li>Audit a kitchen.</li><li>Recommend improvements.</li></ol></td></tr></table>`;
    const numbered = await parse(page('1.3 '), 'unit5.html');
    expect(shape(numbered)[0]).toMatchObject({ ref: 'L/617/1234', number: '5', title: 'Managing food safety', level: 4 });
    expect(shape(numbered)[0]!.outcomes).toEqual([
      ['1', 'Understand food hazards.', ['1.1 Describe hazards to food.', '1.2 Explain temperature control.', '1.3 Evaluate allergen controls.']],
      ['2', 'Be able to review food safety.', ['2.1 Audit a kitchen.', '2.2 Recommend improvements.']],
    ]);
    // Nothing printed in the decimal scheme: the lists' numbers are what the page shows, `1.`, `2.`
    // (the unnumbered line goes on from the criterion before it).
    const listed = await parse(page(''), 'unit5.html');
    expect(shape(listed)[0]!.outcomes).toEqual([
      ['1', 'Understand food hazards.', ['1 Describe hazards to food.', '2 Explain temperature control. Evaluate allergen controls.']],
      ['2', 'Be able to review food safety.', ['1 Audit a kitchen.', '2 Recommend improvements.']],
    ]);
    expect(listed.diagnostics.filter((x) => x.code === 'numbering-ambiguous')).toEqual([]);
  });

  it('labels sharing a line between bars (`Level: 2 | Credits: 4 | GLH: 30`): each value alone, the bar no comment', async () => {
    const md = `# Unit 301 — Safe working on site\n**UAN:** M/503/1201  \n**Level:** 2 | **Credits:** 4 | **GLH:** 30  \n\n## LO1 — Know the law\n**AC**\n1. Identify the duties of employers  \n`;
    const d = await parse(md, 'unit301.md');
    expect(shape(d)).toEqual([
      { ref: 'M/503/1201', number: '301', title: 'Safe working on site', level: 2, credits: 4, glh: 30, outcomes: [['1', 'Know the law', ['1 Identify the duties of employers']]] },
    ]);
    expect(d.diagnostics.filter((x) => x.code === 'value-with-comment')).toEqual([]);
  });

  it('guidance ends where a section not its own is named or a heading of its level follows; its own parts stay', async () => {
    const md = `## Unit 7: Plan a garden

Unit reference: L/617/1234

### Learning outcomes and assessment criteria

1. Know how soils differ

1.1 Describe the main soil types

### Assessment guidance

Evidence may come from the learner's own garden.

#### Assessment

Questions must be recorded.

### Range

Soil types: clay, loam and sand.

### Suggested resources

A guide to garden soils.
`;
    const d = await parse(md, 'garden.md');
    expect(d.units.map((u) => [u.ref, u.guidance])).toEqual([['L/617/1234', "Evidence may come from the learner's own garden. Assessment Questions must be recorded."]]);
    // A label line heading it: any heading ends it.
    const labelled = await parse(md.replace('### Assessment guidance', '**Assessment guidance:**').replace('#### Assessment\n\n', ''), 'garden.md');
    expect(labelled.units[0]!.guidance).toBe("Evidence may come from the learner's own garden. Questions must be recorded.");
  });

  it('qualification facts in label, value, label, value rows', async () => {
    const d = await parseSpec(file('qualification-four-columns.docx'));
    expect([d.qualification.number, d.qualification.credits, d.qualification.glh, d.qualification.tqt]).toEqual(['603/1234/8', 3, 20, 30]);
  });
});
