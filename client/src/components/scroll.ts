import Taro from '@tarojs/taro';

/**
 * Brings a field (`#form-field-<name>`, the root of every kit field) into view, e.g. the first one a submit
 * flagged. The browser keeps earlier pages in the document, hidden: the visible one is the user's.
 */
export function scrollToField(name: string): void {
  const selector = `#form-field-${name}`;
  if (process.env.TARO_ENV === 'h5') {
    const visible = Array.from(document.querySelectorAll<HTMLElement>(selector)).find((el) => el.offsetParent !== null);
    visible?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    return;
  }
  void Taro.pageScrollTo({ selector, offsetTop: -80, duration: 200 }).catch(() => undefined);
}

/** The first of `order` (the fields as the page shows them) that has a message in `errors`. */
export function firstFlagged(order: readonly string[], errors: Record<string, string>): string | undefined {
  return order.find((name) => errors[name] !== undefined);
}
