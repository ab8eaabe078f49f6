/** A page: the view for a route, with what to undo when the resident leaves it. */
export interface Page {
  title: string;
  node: HTMLElement;
  /** Show the back arrow instead of the tab bar's place in the header. */
  back?: boolean;
  cleanup?: () => void;
}

export interface Route {
  params: Record<string, string>;
  query: URLSearchParams;
}

type Render = (route: Route) => Promise<Page | null>;
const routes: { pattern: RegExp; keys: string[]; render: Render }[] = [];

export function route(path: string, render: Render): void {
  const keys: string[] = [];
  const pattern = new RegExp('^' + path.replace(/:(\w+)/g, (_, key) => (keys.push(key), '([^/]+)')) + '$');
  routes.push({ pattern, keys, render });
}

export function go(hash: string): void {
  location.hash = hash;
}

/** Hash routes (`#/items/HN-…`): the app works from any path the API serves it at, deep links included. */
export function currentRoute(): { path: string; match?: (typeof routes)[number]; route: Route } {
  const [path, search = ''] = (location.hash.slice(1) || '/').split('?');
  const query = new URLSearchParams(search);
  for (const candidate of routes) {
    const found = candidate.pattern.exec(path);
    if (found) {
      const params = Object.fromEntries(candidate.keys.map((key, i) => [key, decodeURIComponent(found[i + 1])]));
      return { path, match: candidate, route: { params, query } };
    }
  }
  return { path, route: { params: {}, query } };
}
