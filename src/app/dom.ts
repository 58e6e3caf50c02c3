/**
 * A very small DOM layer for the page: `h` builds elements, `table` builds a
 * table from rows of cells. No framework: the page stays small and every
 * line of it is ours to read.
 *
 * @example
 * h("button", { class: "primary", onclick: solve }, "Solve");
 */

type Child = Node | string | number | null | undefined | false;
type Props = Record<string, string | number | boolean | ((e: Event) => void) | undefined>;

/** An element with properties (`on...` are listeners, `class`, `data-*` and the rest attributes) and children. */
export const h = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: readonly (Child | readonly Child[])[]): HTMLElementTagNameMap[K] => {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (v === undefined || v === false) continue;
    if (typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (k === "value" && "value" in el) (el as HTMLInputElement).value = String(v);
    else if (k === "checked" && "checked" in el) (el as HTMLInputElement).checked = Boolean(v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === "string" || typeof c === "number" ? String(c) : c);
  }
  return el;
};

/** Replaces an element's children. */
export const fill = (el: Element, ...children: readonly (Child | readonly Child[])[]): void => {
  el.replaceChildren();
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(typeof c === "string" || typeof c === "number" ? String(c) : c);
};

/** A table: a header row, then rows of cells (text or nodes); `cls` for the table. */
export const table = (header: readonly string[], rows: readonly (readonly Child[])[], props: Props = {}): HTMLTableElement =>
  h("table", props, h("thead", {}, h("tr", {}, header.map((c) => h("th", {}, c)))), h("tbody", {}, rows.map((r) => h("tr", {}, r.map((c) => h("td", {}, c))))));

/** Offers `data` as a download named `name`. */
export const download = (name: string, data: string | Uint8Array, type: string): void => {
  const url = URL.createObjectURL(new Blob([typeof data === "string" ? data : new Uint8Array(data)], { type }));
  const a = h("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 5_000);
};
