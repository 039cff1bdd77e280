import type { ComponentChildren } from 'preact';
import type { Route, ViewLinks } from './routes';

/**
 * A link to another view: a real `href` (so it can be opened in a new tab or
 * copied), followed in place on a plain click.
 */
export function RouteLink({
  route,
  links,
  class: className,
  children,
  label,
}: {
  route: Route;
  links: ViewLinks;
  class?: string;
  children: ComponentChildren;
  label?: string;
}) {
  return (
    <a
      class={className}
      href={links.href(route)}
      aria-label={label}
      onClick={(event) => {
        // Modified clicks keep their browser meaning (new tab, new window).
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        links.open(route);
      }}
    >
      {children}
    </a>
  );
}
