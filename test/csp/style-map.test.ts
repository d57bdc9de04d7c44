// components/shared/style-map.ts: lit's styleMap API, but every value goes through the CSSOM,
// so it works under style-src without 'unsafe-inline' (see csp.test.ts for the real policy).
import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { type StyleInfo, styleMap } from '../../components/shared/style-map.js';

describe('styleMap (CSSOM only)', () => {
  let host: HTMLElement;
  const draw = (styles: StyleInfo) => render(html`<span style=${styleMap(styles)}></span>`, host);
  const span = () => host.querySelector('span')!;

  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
  });
  afterEach(() => host.remove());

  it('sets camelCase, dashed and custom properties through element.style from the first render', () => {
    const setAttribute = Element.prototype.setAttribute;
    const written: string[] = [];
    Element.prototype.setAttribute = function (this: Element, name: string, value: string) {
      written.push(name);
      return setAttribute.call(this, name, value);
    };
    try {
      draw({ width: '12px', backgroundColor: 'rgb(1, 2, 3)', 'margin-left': '3px', '--size': '4' });
    } finally {
      Element.prototype.setAttribute = setAttribute;
    }
    expect(written, 'no style attribute written as text').to.not.include('style');
    const { style } = span();
    expect(style.width).to.equal('12px');
    expect(style.backgroundColor).to.equal('rgb(1, 2, 3)');
    expect(style.marginLeft).to.equal('3px');
    expect(style.getPropertyValue('--size').trim()).to.equal('4');
  });

  it('updates values, removes null or missing ones, and keeps !important', () => {
    draw({ width: '12px', height: '5px', color: 'red' });
    draw({ width: '20px', height: null, color: 'blue !important' });
    const { style } = span();
    expect(style.width).to.equal('20px');
    expect(style.height).to.equal('');
    expect(style.color).to.equal('blue');
    expect(style.getPropertyPriority('color')).to.equal('important');
    draw({});
    expect(style.width).to.equal('');
    expect(style.color).to.equal('');
  });

  it('refuses any place but a whole style attribute', () => {
    expect(() => render(html`<span title=${styleMap({ width: '1px' })}></span>`, host)).to.throw(/style attribute/);
  });
});
