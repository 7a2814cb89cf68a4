/**
 * GS1-02: the AI table is generated from the syntax dictionary, and equals it.
 * The comparison serialises each table entry back to dictionary notation and
 * compares it with the file's tokens, so it does not reuse the generator's parser.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { AI_TABLE, aiLengthForPrefix, lookupAi } from './ai-table.ts';
import type { AiComponent, AiEntry } from './ai-types.ts';
import { DEFAULT_DICTIONARY, GENERATED_MODULE, renderAiTableModule, unknownLinters } from './generate-ai-table.ts';
import { LINTERS } from './linters.ts';

const dictionaryText = readFileSync(DEFAULT_DICTIONARY, 'utf8');
const LETTER: Record<string, string> = { N: 'N', '82': 'X', '39': 'Y', '64': 'Z' };

function componentNotation(c: AiComponent): string {
  const length = c.min === c.max ? String(c.max) : `..${c.max}`;
  const type = `${LETTER[c.charset]}${length}`;
  return (c.optional ? `[${type}]` : type) + c.linters.map((l) => `,${l}`).join('');
}

function attributeNotation(e: AiEntry): string[] {
  const out = [
    ...e.req.map((alts) => `req=${alts.map((g) => g.join('+')).join(',')}`),
    ...e.ex.map((patterns) => `ex=${patterns.join(',')}`),
  ];
  if (e.dlpkey) out.push(e.dlpkey.length === 1 && e.dlpkey[0]?.length === 0 ? 'dlpkey' : `dlpkey=${e.dlpkey.map((a) => a.join(',')).join('|')}`);
  return out.sort();
}

interface FileLine {
  ais: string[];
  flags: string;
  components: string[];
  attributes: string[];
  title: string;
}

function fileLines(): FileLine[] {
  return dictionaryText.split('\n').filter((l) => /^\d/.test(l)).map((line) => {
    const [body = '', ...titleParts] = line.split('#');
    const tokens = body.trim().split(/\s+/);
    const aiToken = tokens.shift() as string;
    const flags = /^[*?]+$/.test(tokens[0] ?? '') ? (tokens.shift() as string) : '';
    const isAttribute = (t: string) => t.startsWith('req=') || t.startsWith('ex=') || t.startsWith('dlpkey');
    const [from = '', to = from] = aiToken.split('-');
    const ais: string[] = [];
    for (let n = Number(from); n <= Number(to); n++) ais.push(String(n).padStart(from.length, '0'));
    return {
      ais,
      flags,
      components: tokens.filter((t) => !isAttribute(t)),
      attributes: tokens.filter(isAttribute).sort(),
      title: titleParts.join('#').trim(),
    };
  });
}

test('GS1-02: every dictionary AI is in the table with identical flags, components, linters and attributes', () => {
  const lines = fileLines();
  let count = 0;
  for (const line of lines) {
    for (const ai of line.ais) {
      count++;
      const entry = lookupAi(ai);
      assert.ok(entry, `AI ${ai} missing`);
      assert.equal(entry.fixedLength, line.flags.includes('*'), `${ai} predefined-length flag`);
      assert.equal(entry.dlAttribute, line.flags.includes('?'), `${ai} Digital Link attribute flag`);
      assert.deepEqual(entry.components.map(componentNotation), line.components, `${ai} components`);
      assert.deepEqual(attributeNotation(entry), line.attributes, `${ai} req/ex/dlpkey`);
      assert.equal(entry.title, line.title, `${ai} title`);
    }
  }
  assert.equal(AI_TABLE.length, count, 'no AI in the table that is not in the file');
});

test('GS1-02: variable lengths start at 1 and character sets are N, 82, 39 or 64', () => {
  for (const e of AI_TABLE) {
    for (const c of e.components) {
      assert.ok(['N', '82', '39', '64'].includes(c.charset), e.ai);
      assert.ok(c.min === c.max || c.min === 1, `${e.ai} min length`);
    }
  }
});

test('GS1-02: UDI-relevant AI formats come from the dictionary', () => {
  const spec = (ai: string) => lookupAi(ai)?.components.map(componentNotation).join(' ');
  assert.equal(spec('00'), 'N18,csum,gcppos2');
  assert.equal(spec('01'), 'N14,csum,gcppos2');
  assert.equal(spec('10'), 'X..20');
  assert.equal(spec('11'), 'N6,yymmd0');
  assert.equal(spec('17'), 'N6,yymmd0');
  assert.equal(spec('21'), 'X..20');
  assert.equal(spec('240'), 'X..30');
  assert.equal(spec('30'), 'N..8');
  assert.equal(spec('37'), 'N..8');
  assert.equal(spec('7003'), 'N6,yymmdd N4,hhmi');
  assert.deepEqual(lookupAi('37')?.req, [[['00', '02'], ['00', '8026']]]);
  assert.deepEqual(lookupAi('01')?.dlpkey, [['22', '10', '21'], ['235']]);
});

test('GS1-05: predefined-length (*) AIs have a single fixed length; AI length follows the two-digit prefix', () => {
  for (const e of AI_TABLE) {
    assert.equal(aiLengthForPrefix(Number(e.ai.slice(0, 2))), e.ai.length, `${e.ai} prefix length`);
    if (e.fixedLength) assert.ok(e.components.every((c) => c.min === c.max && !c.optional), `${e.ai} fixed`);
  }
  const fixed = AI_TABLE.filter((e) => e.fixedLength).map((e) => e.ai);
  for (const ai of ['00', '01', '02', '11', '17']) assert.ok(fixed.includes(ai), ai);
});

test('GS1-02: every linter named in the dictionary is implemented; unknown linters fail the generator', () => {
  assert.deepEqual(unknownLinters(AI_TABLE), []);
  for (const name of new Set(AI_TABLE.flatMap((e) => e.components.flatMap((c) => c.linters)))) {
    assert.equal(typeof LINTERS[name], 'function', name);
  }
  const tampered = dictionaryText.replace('N18,csum,gcppos2', 'N18,csum,notalinter');
  assert.throws(() => renderAiTableModule(tampered), /notalinter/);
});

test('GS1-02: the committed generated module is what the generator produces from the dictionary', () => {
  const generated = renderAiTableModule(dictionaryText);
  assert.equal(readFileSync(GENERATED_MODULE, 'utf8'), generated);
  assert.match(generated, /Licensed under the Apache License, Version 2\.0/);
  assert.match(generated, /Copyright \(c\) 2021-2025 GS1 AISBL/);
});

test('GS1-02: the vendored dictionary is the conformance corpus copy', (t) => {
  const shared = new URL('../../../../shared/conformance/gs1-syntax-dictionary/gs1-syntax-dictionary.txt', import.meta.url);
  if (!existsSync(shared)) return t.skip('shared/conformance not present');
  assert.equal(dictionaryText, readFileSync(shared, 'utf8'));
});
