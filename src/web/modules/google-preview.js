/**
 * The « Aperçu Google » tab: the result as a desktop search result, measured with Arial's advance
 * widths like the audit (never with the browser's fonts), so the page and the report agree.
 */

import { arialBoldAdvances, arialRegularAdvances, arialUnitsPerEm } from './arial-advance-widths.js';
import { element, formatNumber } from './dom.js';
import { elements } from './page.js';
import { createTextWidth } from './text-width.js';

/** Google cuts result titles at 600 px of Arial 20 px, descriptions near 920 px of Arial 14 px. */
const TITLE_MAX_WIDTH = 600;
const TITLE_FONT_SIZE = 20;
const DESCRIPTION_MAX_WIDTH = 920;
const DESCRIPTION_FONT_SIZE = 14;
/** Domain shown in the Google preview when the article has no canonical address. */
const EXAMPLE_DOMAIN = 'exemple.fr';

const { measureTextWidth, truncateToWidth } = createTextWidth({
  unitsPerEm: arialUnitsPerEm,
  regular: arialRegularAdvances,
  bold: arialBoldAdvances,
});

export function renderGooglePreview(metadata) {
  const host = hostOf(metadata.url) ?? EXAMPLE_DOMAIN;
  const slug = metadata.slug || '';
  elements.serpSite.textContent = metadata.siteName || host;
  elements.serpBreadcrumb.textContent = slug ? `${host} › ${slug}` : host;

  const titleText = metadata.title || '';
  const descriptionText = metadata.description || '';
  const titleOptions = { fontSize: TITLE_FONT_SIZE };
  const descriptionOptions = { fontSize: DESCRIPTION_FONT_SIZE };
  const title = truncateToWidth(titleText, TITLE_MAX_WIDTH, titleOptions);
  const description = truncateToWidth(descriptionText, DESCRIPTION_MAX_WIDTH, descriptionOptions);
  elements.serpTitle.textContent = title.text;
  elements.serpDescription.textContent = description.text;

  const titleWidth = Math.round(measureTextWidth(titleText, titleOptions));
  const descriptionWidth = Math.round(measureTextWidth(descriptionText, descriptionOptions));
  const descriptionLength = [...descriptionText].length;
  elements.serpMeasures.replaceChildren(
    element('dt', {}, ['Titre']),
    element('dd', { id: 'serp-title-width' }, [
      `${formatNumber(titleWidth)} px sur ${TITLE_MAX_WIDTH} px${title.truncated ? ' : coupé par Google' : ''}`,
    ]),
    element('dt', {}, ['Méta-description']),
    element('dd', {}, [
      `${formatNumber(descriptionLength)} caractères, ${formatNumber(descriptionWidth)} px sur ${DESCRIPTION_MAX_WIDTH} px${
        description.truncated ? ' : coupée par Google' : ''
      }`,
    ]),
    element('dt', {}, ['Adresse']),
    element('dd', {}, [
      metadata.url
        ? String(metadata.url)
        : `${EXAMPLE_DOMAIN} est un domaine d’exemple : seul le slug compte ici.`,
    ]),
  );
}

function hostOf(url) {
  if (typeof url !== 'string' || url === '') return null;
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}
