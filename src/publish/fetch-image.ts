import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { type AddressKind, classifyAddress } from '../ingest/fetch-article.js';
import { PublishError } from './publish-error.js';

/** An image larger than this is refused: a CMS would refuse it too. */
const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
const MAX_REDIRECTS = 5;

/** What a refused address is, for the message. */
const ADDRESS_KINDS: Readonly<Record<Exclude<AddressKind, 'public'>, string>> = {
  unspecified: 'non spécifiée',
  loopback: 'de cette machine (boucle locale)',
  private: 'du réseau privé',
  shared: 'partagée d’opérateur',
  'link-local': 'locale au lien (dont le service de métadonnées du cloud)',
  multicast: 'de multidiffusion',
  documentation: 'réservée à la documentation',
  reserved: 'réservée',
  invalid: 'invalide',
};

export interface FetchImageOptions {
  /** Let the address reach loopback, private, link-local and other non-public hosts (default: false). */
  allowPrivateUrls?: boolean;
  /** Every address of a name (default: `dns.promises.lookup` with `all: true`). */
  lookup?: (hostname: string) => Promise<{ address: string }[]>;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/**
 * The bytes of an image given by address, to upload it to the CMS. The host is resolved first and
 * refused when any of its addresses is not public (the machine itself, the local network, the cloud's
 * metadata service), unless allowed; redirects are followed by hand, each hop checked again.
 */
export async function fetchImage(reference: string, options: FetchImageOptions = {}): Promise<Uint8Array> {
  const fetchImplementation = options.fetch ?? fetch;
  const signal = AbortSignal.timeout(options.timeoutMs ?? 30_000);
  let url = new URL(reference);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new PublishError(`image « ${reference} » : seules les adresses http et https sont acceptées.`);
    }
    if (!options.allowPrivateUrls) await refusePrivateHost(url, reference, options.lookup);
    let response: Response;
    try {
      response = await fetchImplementation(url, { redirect: 'manual', signal });
    } catch (error) {
      throw new PublishError(`image « ${reference} » injoignable.`, { cause: error });
    }
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      url = new URL(location, url);
      continue;
    }
    if (!response.ok) throw new PublishError(`image « ${reference} » : réponse ${response.status}.`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > MAX_IMAGE_BYTES) {
      throw new PublishError(`image « ${reference} » : plus de ${MAX_IMAGE_BYTES / 1024 / 1024} Mo.`);
    }
    return bytes;
  }
  throw new PublishError(`image « ${reference} » : trop de redirections.`);
}

async function refusePrivateHost(
  url: URL,
  reference: string,
  lookup: FetchImageOptions['lookup'] = (hostname) => dnsLookup(hostname, { all: true }),
): Promise<void> {
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: { address: string }[];
  try {
    addresses = isIP(hostname) === 0 ? await lookup(hostname) : [{ address: hostname }];
  } catch (error) {
    throw new PublishError(`image « ${reference} » : nom d’hôte introuvable (${hostname}).`, {
      cause: error,
    });
  }
  for (const { address } of addresses) {
    const kind = classifyAddress(address);
    if (kind === 'public') continue;
    throw new PublishError(
      `image « ${reference} » refusée : ${hostname} mène à une adresse ${ADDRESS_KINDS[kind]} (${address}) ; --allow-private-urls l’autorise.`,
    );
  }
  if (addresses.length === 0)
    throw new PublishError(`image « ${reference} » : nom d’hôte introuvable (${hostname}).`);
}
