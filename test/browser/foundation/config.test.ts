import { expect } from '@open-wc/testing';
import { $pageConfig, apiProblem, configure, normalizeApi } from '../../../src/store/config.ts';

describe('configure()', () => {
  afterEach(() => $pageConfig.set(undefined));

  it('accepts an absolute http(s) URL and publishes it page-wide', () => {
    const getToken = () => 'member-token';
    configure({ api: 'https://rewards.example/v1-base', getToken, locale: 'zh-CN' });
    expect($pageConfig.get()).to.deep.equal({ api: 'https://rewards.example/v1-base', getToken, locale: 'zh-CN' });
  });

  it('accepts a path on the page origin', () => {
    configure({ api: '/rewards' });
    expect($pageConfig.get()?.api).to.equal('/rewards');
    configure({ api: 'http://localhost:8787' });
    expect($pageConfig.get()?.api).to.equal('http://localhost:8787');
  });

  it('refuses anything that is not an http(s) URL or a path, and keeps the previous value', () => {
    configure({ api: '/kept' });
    const refused = [
      '',
      '   ',
      'rewards',
      'javascript:alert(1)',
      'ftp://files.example/',
      '//evil.example/api',
      'https://user:secret@rewards.example/',
      '/with space',
      'data:text/plain,hi',
    ];
    for (const api of refused) {
      expect(() => configure({ api }), api).to.throw(TypeError, /api/);
    }
    expect($pageConfig.get()?.api).to.equal('/kept');
  });

  it('refuses a getToken that is not a function and a locale that is not a language tag', () => {
    expect(() => configure({ api: '/r', getToken: 'token' as unknown as () => string })).to.throw(TypeError, /getToken/);
    expect(() => configure({ api: '/r', locale: 'not a locale!' })).to.throw(TypeError, /locale/);
    expect(() => configure(null as unknown as { api: string })).to.throw(TypeError);
  });

  it('freezes what it publishes so no element can change it for the others', () => {
    configure({ api: '/r' });
    expect(Object.isFrozen($pageConfig.get())).to.equal(true);
  });
});

describe('API base normalization', () => {
  it('gives one spelling per server, whatever the trailing slash or relative form', () => {
    const base = 'https://shop.example/products/item?id=3';
    expect(normalizeApi('/rewards', base)).to.equal('https://shop.example/rewards');
    expect(normalizeApi('/rewards/', base)).to.equal('https://shop.example/rewards');
    expect(normalizeApi('https://shop.example/rewards/#x', base)).to.equal('https://shop.example/rewards');
    expect(normalizeApi('https://api.example', base)).to.equal('https://api.example');
  });

  it('explains problems in words', () => {
    expect(apiProblem('/ok')).to.equal(undefined);
    expect(apiProblem('mailto:x@example.com')).to.match(/http/);
  });
});
