import { useEffect, type RefObject } from 'react';

/**
 * GraphiQL 5 puts each tab's close button inside its `role="tab"` element, which assistive technology cannot reach
 * (axe: nested-interactive). This turns the tab strip under `ref` into a plain list of buttons, the active tab's marked
 * `aria-current`, and keeps it so as GraphiQL re-renders.
 */
export function useAccessibleTabStrip(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const fix = () => {
      root.querySelectorAll('.graphiql-tabs[role="tablist"]').forEach((list) => list.removeAttribute('role'));
      root.querySelectorAll('.graphiql-tab[role], .graphiql-tab[aria-selected]').forEach((tab) => {
        const button = tab.querySelector('.graphiql-tab-button');
        if (tab.getAttribute('aria-selected') === 'true') button?.setAttribute('aria-current', 'true');
        else button?.removeAttribute('aria-current');
        tab.removeAttribute('role');
        tab.removeAttribute('aria-selected');
      });
    };
    fix();
    const observer = new MutationObserver(fix);
    observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['role', 'aria-selected'] });
    return () => observer.disconnect();
  }, [ref]);
}
