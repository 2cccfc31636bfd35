/**
 * Keep Tab inside `container` (the dialog, and the banner when blocking): from its last
 * control to its first and back. Controls inside a closed `<details>` are not in the Tab
 * order, so only links and buttons count.
 */
export function trapTab(event: KeyboardEvent, root: ShadowRoot): void {
  if (event.key !== 'Tab') return;
  const controls = (event.currentTarget as HTMLElement).querySelectorAll<HTMLElement>('a[href],button');
  const first = controls[0];
  const last = controls[controls.length - 1];
  if (!first || !last) return;
  if (root.activeElement === (event.shiftKey ? first : last)) {
    event.preventDefault();
    (event.shiftKey ? last : first).focus();
  }
}

/**
 * Focus the first candidate that is still there and takes focus. An element that contains
 * `<body>` (the document element, when nothing had focus) is no candidate, and one taken
 * out of the page does not take focus, which the activeElement check sees.
 */
export function focusFirst(candidates: (HTMLElement | null | undefined)[]): void {
  for (const element of candidates) {
    if (!element || element.contains(document.body)) continue;
    element.focus();
    if ((element.getRootNode() as Document | ShadowRoot).activeElement === element) return;
  }
}

/** Whether two elements' boxes overlap. */
export function overlaps(first: Element, second: Element): boolean {
  const one = first.getBoundingClientRect();
  const other = second.getBoundingClientRect();
  return one.bottom > other.top && one.top < other.bottom && one.right > other.left && one.left < other.right;
}
