import { expect } from '@open-wc/testing';
import { loadCatalog } from '../../../src/i18n/catalogs.ts';
import en, { type Catalog } from '../../../src/i18n/en.ts';
import type { Message } from '../../../src/i18n/message.ts';

function placeholders(message: Message): string[] {
  const texts = typeof message === 'string' ? [message] : Object.values(message);
  const names = new Set<string>(typeof message === 'string' ? [] : ['n']);
  for (const text of texts) for (const match of text.matchAll(/\{(\w+)\}/g)) names.add(match[1]!);
  return [...names].sort();
}

function texts(message: Message): string[] {
  return typeof message === 'string' ? [message] : Object.values(message);
}

describe('message catalogs', () => {
  let zh: Catalog;
  before(async () => {
    zh = await loadCatalog('zh-CN');
  });

  it('zh-CN is a separate chunk loaded on demand, and is not English', () => {
    expect(zh).not.to.equal(en);
    expect(zh['level.1']).to.equal('水星');
  });

  it('zh-CN has every English key and no other', () => {
    expect(Object.keys(zh).sort()).to.deep.equal(Object.keys(en).sort());
  });

  it('every zh-CN message takes exactly the placeholders of its English message', () => {
    for (const key of Object.keys(en) as (keyof Catalog)[]) {
      expect(placeholders(zh[key]), key).to.deep.equal(placeholders(en[key]));
    }
  });

  it('no message is empty, and plural messages always have an "other" form', () => {
    for (const catalog of [en, zh]) {
      for (const [key, message] of Object.entries(catalog) as [string, Message][]) {
        for (const text of texts(message)) expect(text.trim(), key).not.to.equal('');
        if (typeof message !== 'string') expect(message.other, key).to.be.a('string');
      }
    }
  });

  it('has a reason for every earning and spending rule a ledger entry can carry', () => {
    const ruleIds = ['P1', 'P5', 'P7', ...Array.from({ length: 18 }, (_, i) => `C${i + 1}`), 'S1', 'S2', 'S3', 'M1', 'M2', 'M3', 'M4'];
    for (const id of ruleIds) expect(Object.hasOwn(en, `reason.${id}`), id).to.equal(true);
  });

  it('names the seven levels in programme order', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => en[`level.${n}` as 'level.0'])).to.deep.equal(['Member', 'Mercury', 'Mars', 'Venus', 'Earth', 'Saturn', 'Jupiter']);
  });
});
