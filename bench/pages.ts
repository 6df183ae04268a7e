import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// Large generated pages for the scaling runs: a realistic mix of a header with navigation and
// search, a grid of product cards (heading, text, price, Add to cart, Details, wishlist), an orders
// table with a link per row, a checkout form and a footer. Served over http from 127.0.0.1, since
// content scripts do not run in pages set with page.setContent.

export interface GeneratedPage {
  /** The number of elements asked for; the page reports its real count at run time. */
  size: number;
  cards: number;
  rows: number;
  /** The product whose Add to cart button is the grounding target. */
  targetProduct: string;
  html: string;
}

const CARD_ELEMENTS = 9; // article, div.img, h3, p, span, div.actions, button, a, button
const ROW_ELEMENTS = 7; // tr, 5 td, a
const FIXED_ELEMENTS = 90; // html, head, body, header, nav, form, table head, footer...

const words = ['cotton', 'linen', 'wool', 'denim', 'silk', 'organic', 'slim', 'relaxed', 'classic', 'striped'];
const statuses = ['Shipped', 'Delivered', 'Processing', 'Cancelled', 'Returned'];

function card(index: number): string {
  const name = `Product ${index}`;
  const price = (5 + ((index * 37) % 200) + (index % 100) / 100).toFixed(2);
  const target = ` data-bench-product="${index}"`;
  return (
    `<article class="card"${target}><div class="img" aria-hidden="true"></div><h3>${name}</h3>` +
    `<p>${words[index % words.length]} ${words[(index * 7) % words.length]}, sizes XS-XL</p><span class="price">$${price}</span>` +
    `<div class="actions"><button type="button" data-bench-add="${index}">Add to cart</button><a href="#p/${index}">Details</a>` +
    `<button type="button" aria-label="Add ${name} to wishlist">&#9825;</button></div></article>`
  );
}

function row(index: number): string {
  const day = 1 + (index % 28);
  return (
    `<tr><td>Order #${10000 + index}</td><td>2026-${String(1 + (index % 12)).padStart(2, '0')}-${String(day).padStart(2, '0')}</td>` +
    `<td>${statuses[index % statuses.length]}</td><td>$${((index * 13) % 500).toFixed(2)}</td><td><a href="#order/${index}">View order ${10000 + index}</a></td></tr>`
  );
}

const fixedTop = `<header><a href="#home" class="logo">Megastore</a><nav aria-label="Main"><ul>
${['Women', 'Men', 'Kids', 'Home', 'Beauty', 'Sports', 'Sale', 'New in'].map((label) => `<li><a href="#${label.toLowerCase()}">${label}</a></li>`).join('')}
</ul></nav><form role="search" class="search"><input type="search" placeholder="Search products" aria-label="Search"><button>Search</button></form>
<a href="#account">My account</a> <a href="#cart">Cart</a></header>`;

const fixedForm = `<section class="checkout"><h2>Checkout</h2><form>
<label>Full name <input name="name" autocomplete="name"></label>
<label>Email <input type="email" name="email"></label>
<label>Street <input name="street"></label>
<label>City <input name="city"></label>
<label>Country <select name="country"><option>Germany</option><option>France</option><option>Spain</option><option>Italy</option></select></label>
<fieldset><legend>Delivery</legend><label><input type="radio" name="ship" checked> Standard</label><label><input type="radio" name="ship"> Express</label></fieldset>
<label><input type="checkbox" name="news"> Send me offers</label>
<label>Notes <textarea name="notes"></textarea></label>
<button type="submit">Place order</button></form></section>`;

const fixedFooter = `<footer><h2>Help</h2><ul>${['Contact', 'Shipping', 'Returns', 'Size guide', 'FAQ', 'Privacy', 'Terms']
  .map((label) => `<li><a href="#${label.toLowerCase().replace(/ /g, '-')}">${label}</a></li>`)
  .join('')}</ul></footer>`;

const style = `<style>
body{font:14px/1.4 system-ui,sans-serif;margin:0}header{display:flex;gap:12px;align-items:center;padding:8px 16px;background:#f4f4f4}
nav ul,footer ul{display:flex;gap:10px;list-style:none;margin:0;padding:0}main{padding:16px}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(180px,1fr));gap:12px}
.card{border:1px solid #ddd;padding:8px}.img{height:60px;background:#e8e8e8}.actions{display:flex;gap:6px;align-items:center}
table{border-collapse:collapse;margin-top:16px}td,th{border:1px solid #ddd;padding:2px 6px}label{display:block;margin:4px 0}
</style>`;

export function generatePage(size: number): GeneratedPage {
  const variable = Math.max(0, size - FIXED_ELEMENTS);
  const cards = Math.max(4, Math.round((variable * 0.65) / CARD_ELEMENTS));
  const rows = Math.max(4, Math.round((variable * 0.35) / ROW_ELEMENTS));
  const target = Math.ceil(cards / 2);
  const parts: string[] = [];
  parts.push(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Megastore: ${size} elements</title>${style}</head><body>`);
  parts.push(fixedTop, '<main><h1>All products</h1><section class="grid" aria-label="Products">');
  for (let index = 1; index <= cards; index++) parts.push(card(index));
  parts.push('</section><h2>Your orders</h2><table><thead><tr><th>Order</th><th>Date</th><th>Status</th><th>Total</th><th></th></tr></thead><tbody>');
  for (let index = 1; index <= rows; index++) parts.push(row(index));
  parts.push('</tbody></table>', fixedForm, '</main>', fixedFooter, '</body></html>');
  return { size, cards, rows, targetProduct: `Product ${target}`, html: parts.join('\n') };
}

export interface PageServer {
  url(size: number): string;
  close(): Promise<void>;
}

/** Serves each generated page at /<size>.html on 127.0.0.1. */
export async function servePages(pages: GeneratedPage[]): Promise<PageServer> {
  const bySize = new Map(pages.map((page) => [`/${page.size}.html`, page.html]));
  const server: Server = createServer((request, response) => {
    const html = bySize.get(new URL(request.url ?? '/', 'http://x').pathname);
    if (html === undefined) response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    else response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
  });
  const origin = await new Promise<string>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
  });
  return {
    url: (size) => `${origin}/${size}.html`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
