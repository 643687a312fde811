/**
 * The browser build draws buttons as Taro's <taro-button-core>, links as text with a tap handler, and NutUI's
 * radio buttons and checkboxes as plain views: no role, no tab stop, so a keyboard cannot reach them and a
 * screen reader does not announce them. This gives every such element, on every page, its role, its state
 * and a tab stop, and lets Enter and Space press it. (The mini program's own components carry their roles.)
 */
const ROLES: Array<{ selector: string; role: string; checked?: string }> = [
  { selector: 'taro-button-core, .link', role: 'button' },
  { selector: '.nut-radio', role: 'radio', checked: '.nut-radio-button-active, .nut-radio-icon-checked' },
  { selector: '.nut-checkbox', role: 'checkbox', checked: '.nut-checkbox-icon-checked' },
];
const ACTING = ROLES.map((r) => r.selector).join(', ');

function mark(): void {
  for (const { selector, role, checked } of ROLES) {
    document.querySelectorAll<HTMLElement>(selector).forEach((el) => {
      if (el.getAttribute('role') !== role && !el.hasAttribute('role')) el.setAttribute('role', role);
      const disabled = /-disabled\b/.test(el.className) || el.hasAttribute('disabled');
      if (el.tabIndex !== (disabled ? -1 : 0)) el.tabIndex = disabled ? -1 : 0;
      setAttribute(el, 'aria-disabled', disabled ? 'true' : null);
      if (checked) setAttribute(el, 'aria-checked', el.matches(checked) || el.querySelector(checked) ? 'true' : 'false');
    });
  }
  document.querySelectorAll('.nut-radiogroup').forEach((el) => setAttribute(el, 'role', 'radiogroup'));
}

/** Writes only what changes, so that the observer is not woken by its own writes. */
function setAttribute(el: Element, name: string, value: string | null): void {
  if (el.getAttribute(name) === value) return;
  if (value === null) el.removeAttribute(name);
  else el.setAttribute(name, value);
}

export function installBrowserAccessibility(): void {
  mark();
  new MutationObserver(mark).observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['class', 'disabled'] });
  document.addEventListener('keydown', (e) => {
    const target = e.target as HTMLElement | null;
    if (!target?.matches?.(ACTING) || (e.key !== 'Enter' && e.key !== ' ')) return;
    e.preventDefault();
    target.click();
  });
}
