// A small stand-in for the GitHub REST API on loopback, the part `alert: issue` uses (GITHUB_API_URL points the
// action at it): list a repository's issues (filters, pages with a Link header, pull requests mixed in as GitHub
// does), create one, comment, close, and labels. It checks the token on every request and keeps what it was told.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  state_reason?: string | null;
  labels: string[];
  comments: string[];
  pull_request?: { url: string };
}

export interface FakeGitHubApi {
  url: string;
  token: string;
  repository: string;
  issues: FakeIssue[];
  labels: string[];
  requests: Array<{ method: string; path: string }>;
  /** Answers every request with this HTTP status (e.g. 403: a token without issues: write). */
  failWith?: number;
  close(): Promise<void>;
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

export async function startFakeGitHubApi(repository = 'octo/fleet'): Promise<FakeGitHubApi> {
  const api: FakeGitHubApi = {
    url: '',
    token: 'ghs_fake-installation-token-0123456789',
    repository,
    issues: [],
    labels: [],
    requests: [],
    close: async () => {},
  };
  const render = (issue: FakeIssue) => ({
    ...issue,
    id: issue.number * 1000,
    labels: issue.labels.map((name) => ({ name })),
    comments: issue.comments.length,
  });
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const method = request.method ?? 'GET';
    api.requests.push({ method, path: `${url.pathname}${url.search}` });
    const send = (status: number, value: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(JSON.stringify(value));
    };
    const auth = request.headers.authorization ?? '';
    if (auth !== `token ${api.token}` && auth !== `Bearer ${api.token}`)
      return send(401, { message: 'Bad credentials' });
    if (api.failWith) return send(api.failWith, { message: 'Resource not accessible by integration' });
    const prefix = `/repos/${api.repository}`;
    if (!url.pathname.startsWith(`${prefix}/`)) return send(404, { message: 'Not Found' });
    const path = url.pathname.slice(prefix.length);
    const issueMatch = /^\/issues\/(\d+)(\/comments)?$/.exec(path);
    const issue = issueMatch ? api.issues.find((i) => i.number === Number(issueMatch[1])) : undefined;

    if (method === 'GET' && path === '/issues') {
      const state = url.searchParams.get('state') ?? 'open';
      const wanted = (url.searchParams.get('labels') ?? '').split(',').filter(Boolean);
      const perPage = Math.min(Number(url.searchParams.get('per_page') ?? 30), 100);
      const page = Number(url.searchParams.get('page') ?? 1);
      const all = api.issues
        .filter((i) => state === 'all' || i.state === state)
        .filter((i) => wanted.every((l) => i.labels.includes(l)))
        .sort((a, b) => b.number - a.number);
      const items = all.slice((page - 1) * perPage, page * perPage);
      const headers: Record<string, string> = {};
      if (page * perPage < all.length) {
        const next = new URL(url.href.replace('http://localhost', api.url));
        next.searchParams.set('page', String(page + 1));
        headers.link = `<${next.href}>; rel="next"`;
      }
      return send(200, items.map(render), headers);
    }
    if (method === 'POST' && path === '/issues') {
      const body = await readJson(request);
      if (typeof body.title !== 'string' || !body.title) return send(422, { message: 'Validation Failed' });
      const labels = Array.isArray(body.labels) ? body.labels.map(String) : [];
      for (const label of labels) if (!api.labels.includes(label)) api.labels.push(label);
      const created: FakeIssue = {
        number: api.issues.length + 1,
        title: body.title,
        body: String(body.body ?? ''),
        state: 'open',
        labels,
        comments: [],
      };
      api.issues.push(created);
      return send(201, render(created));
    }
    if (issueMatch && !issue) return send(404, { message: 'Not Found' });
    if (method === 'POST' && issue && issueMatch?.[2]) {
      const body = await readJson(request);
      issue.comments.push(String(body.body ?? ''));
      return send(201, { id: issue.comments.length, body: body.body });
    }
    if (method === 'PATCH' && issue && !issueMatch?.[2]) {
      const body = await readJson(request);
      if (body.state === 'closed' || body.state === 'open') issue.state = body.state;
      if ('state_reason' in body) issue.state_reason = body.state_reason as string | null;
      return send(200, render(issue));
    }
    const label = /^\/labels\/([^/]+)$/.exec(path);
    if (method === 'GET' && label) {
      const name = decodeURIComponent(label[1] ?? '');
      return api.labels.includes(name) ? send(200, { name }) : send(404, { message: 'Not Found' });
    }
    if (method === 'POST' && path === '/labels') {
      const body = await readJson(request);
      const name = String(body.name ?? '');
      if (api.labels.includes(name)) return send(422, { message: 'Validation Failed' });
      api.labels.push(name);
      return send(201, { name, color: body.color });
    }
    return send(404, { message: 'Not Found' });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  api.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  api.close = () => new Promise((done) => server.close(() => done()));
  return api;
}
