import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchImage } from '../../src/publish/fetch-image.js';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Fails with the error message the call throws, or fails the test when it resolves. */
async function messageOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(Error);
  expect((error as Error).name).toBe('PublishError');
  return (error as Error).message;
}

describe('fetchImage: an image given by address, never one on the machine or the local network', () => {
  let server: Server;
  let local = '';
  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/photo.png') response.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    local = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const refusals = [
    { name: 'loopback', url: () => `${local}/photo.png`, address: '127.0.0.1', kind: 'de cette machine' },
    { name: 'IPv6 loopback', url: () => 'http://[::1]/photo.png', address: '::1', kind: 'de cette machine' },
    {
      name: 'cloud metadata (link-local)',
      url: () => 'http://169.254.169.254/latest/meta-data/x.png',
      address: '169.254.169.254',
      kind: 'locale au lien',
    },
    {
      name: 'private network',
      url: () => 'http://10.1.2.3/x.png',
      address: '10.1.2.3',
      kind: 'du réseau privé',
    },
  ];
  for (const refusal of refusals) {
    it(`refuses a literal ${refusal.name} address before any request`, async () => {
      let requested = false;
      const message = await messageOf(
        fetchImage(refusal.url(), {
          fetch: async () => {
            requested = true;
            return new Response(PNG);
          },
        }),
      );
      expect(message).toContain(`refusée`);
      expect(message).toContain(`${refusal.kind}`);
      expect(message).toContain(`(${refusal.address}) ; --allow-private-urls l’autorise.`);
      expect(requested).toBe(false);
    });
  }

  it('resolves a name and refuses it when any of its addresses is private', async () => {
    const message = await messageOf(
      fetchImage('https://images.exemple.test/photo.png', {
        lookup: async () => [{ address: '93.184.215.14' }, { address: '192.168.1.20' }],
        fetch: async () => new Response(PNG),
      }),
    );
    expect(message).toBe(
      'image « https://images.exemple.test/photo.png » refusée : images.exemple.test mène à une adresse du réseau privé (192.168.1.20) ; --allow-private-urls l’autorise.',
    );
  });

  it('fetches a public name, and checks a redirect again', async () => {
    const lookup = async (hostname: string) =>
      hostname === 'interne.exemple.test' ? [{ address: '10.0.0.8' }] : [{ address: '93.184.215.14' }];
    const bytes = await fetchImage('https://images.exemple.test/photo.png', {
      lookup,
      fetch: async () => new Response(PNG, { headers: { 'content-type': 'image/png' } }),
    });
    expect(Buffer.from(bytes)).toEqual(PNG);
    const redirected = await messageOf(
      fetchImage('https://images.exemple.test/photo.png', {
        lookup,
        fetch: async () =>
          new Response(null, { status: 302, headers: { location: 'http://interne.exemple.test/photo.png' } }),
      }),
    );
    expect(redirected).toContain('interne.exemple.test mène à une adresse du réseau privé (10.0.0.8)');
  });

  it('fetches a local address when allowed, and says when the name does not resolve', async () => {
    const bytes = await fetchImage(`${local}/photo.png`, { allowPrivateUrls: true });
    expect(Buffer.from(bytes)).toEqual(PNG);
    expect(await messageOf(fetchImage(`${local}/absente.png`, { allowPrivateUrls: true }))).toBe(
      `image « ${local}/absente.png » : réponse 404.`,
    );
    const unknown = await messageOf(
      fetchImage('https://nulle-part.exemple.test/x.png', {
        lookup: async () => {
          throw Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' });
        },
      }),
    );
    expect(unknown).toBe(
      'image « https://nulle-part.exemple.test/x.png » : nom d’hôte introuvable (nulle-part.exemple.test).',
    );
  });
});
