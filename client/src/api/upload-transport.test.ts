/**
 * A file on the wire (a dish's photo, issue 14): FormData cannot ride in a
 * JSON batch, so the client sends it alone, as multipart, to the procedure's
 * own address, still signed in; everything else keeps to the batch.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createTrpcClient, type ApiClient } from './client';

interface Recorded {
  url: string;
  contentType: string;
  authorization: string;
  body: Buffer;
}

let server: Server;
let port = 0;
const requests: Recorded[] = [];
const apis: ApiClient[] = [];

const readBody = async (request: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
};

beforeAll(async () => {
  server = createServer((request, response) => {
    void readBody(request).then((body) => {
      const url = request.url ?? '';
      requests.push({
        url,
        contentType: request.headers['content-type'] ?? '',
        authorization: request.headers.authorization ?? '',
        body,
      });
      const paths = new URL(url, 'http://x').pathname.split('/').pop() ?? '';
      const answer = { result: { data: { id: 1 } } };
      response.setHeader('content-type', 'application/json');
      response.end(
        JSON.stringify(url.includes('batch=1') ? paths.split(',').map(() => answer) : answer),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterEach(async () => {
  requests.length = 0;
  for (const api of apis.splice(0)) await api.close();
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function client() {
  const api = createTrpcClient({
    httpUrl: `http://127.0.0.1:${port}/trpc`,
    wsUrl: `ws://127.0.0.1:${port}/trpc`,
    WebSocket: WebSocket as unknown as typeof globalThis.WebSocket,
    getSessionToken: () => 'staff-token',
  });
  apis.push(api);
  return api;
}

describe('an upload on the wire', () => {
  it('goes alone as multipart, signed in, while JSON calls stay batched', async () => {
    const api = client();
    const form = new FormData();
    form.set('itemId', '7');
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    form.set('photo', new Blob([bytes], { type: 'image/jpeg' }), 'dish.jpg');
    await Promise.all([
      api.trpc.menuAdmin.uploadPhoto.mutate(form),
      api.trpc.menu.locations.query(),
      api.trpc.menu.locations.query(),
    ]);
    const upload = requests.find((request) => request.url.includes('uploadPhoto'))!;
    expect(new URL(upload.url, 'http://x').pathname).toBe('/trpc/menuAdmin.uploadPhoto');
    expect(upload.url).not.toContain('batch=1');
    expect(upload.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(upload.authorization).toBe('Bearer staff-token');
    expect(upload.body.includes(Buffer.from(bytes))).toBe(true);
    expect(upload.body.toString('latin1')).toContain('name="itemId"');

    const others = requests.filter((request) => request !== upload);
    expect(others).toHaveLength(1);
    expect(others[0]!.url).toContain('menu.locations,menu.locations?batch=1');
    expect(others[0]!.contentType).toMatch(/json/);
  });
});
