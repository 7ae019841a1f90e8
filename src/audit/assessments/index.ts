import type { Assessment } from '../assessment.js';
import { competingLinksAssessment } from './competing-links.js';
import { consecutiveSentencesAssessment } from './consecutive-sentences.js';
import { duplicateHeadingsAssessment } from './duplicate-headings.js';
import { fleschReadingEaseAssessment } from './flesch-reading-ease.js';
import { frenchLanguageAssessment } from './french-language.js';
import { frenchTypographyAssessment } from './french-typography.js';
import { headingHierarchyAssessment } from './heading-hierarchy.js';
import { imagesAssessment } from './images.js';
import { internalLinksAssessment } from './internal-links.js';
import { keyphraseDensityAssessment } from './keyphrase-density.js';
import { keyphraseInImageAltAssessment } from './keyphrase-in-image-alt.js';
import { keyphraseInIntroductionAssessment } from './keyphrase-in-introduction.js';
import { keyphraseInMetaDescriptionAssessment } from './keyphrase-in-meta-description.js';
import { keyphraseInSlugAssessment } from './keyphrase-in-slug.js';
import { keyphraseInSubheadingsAssessment } from './keyphrase-in-subheadings.js';
import { keyphraseInTitleAssessment } from './keyphrase-in-title.js';
import { keyphraseLengthAssessment } from './keyphrase-length.js';
import { metaDescriptionLengthAssessment } from './meta-description-length.js';
import { outboundLinksAssessment } from './outbound-links.js';
import { paragraphLengthAssessment } from './paragraph-length.js';
import { passiveVoiceAssessment } from './passive-voice.js';
import { sentenceLengthAssessment } from './sentence-length.js';
import { singleH1Assessment } from './single-h1.js';
import { subheadingDistributionAssessment } from './subheading-distribution.js';
import { textLengthAssessment } from './text-length.js';
import { titleWidthAssessment } from './title-width.js';
import { transitionWordsAssessment } from './transition-words.js';

/** Every assessment, in the order the report lists them. */
export const ASSESSMENTS: readonly Assessment[] = Object.freeze([
  keyphraseLengthAssessment,
  keyphraseInTitleAssessment,
  titleWidthAssessment,
  metaDescriptionLengthAssessment,
  keyphraseInMetaDescriptionAssessment,
  keyphraseInSlugAssessment,
  keyphraseInIntroductionAssessment,
  keyphraseDensityAssessment,
  keyphraseInSubheadingsAssessment,
  competingLinksAssessment,
  singleH1Assessment,
  textLengthAssessment,
  headingHierarchyAssessment,
  duplicateHeadingsAssessment,
  outboundLinksAssessment,
  internalLinksAssessment,
  imagesAssessment,
  keyphraseInImageAltAssessment,
  sentenceLengthAssessment,
  paragraphLengthAssessment,
  subheadingDistributionAssessment,
  passiveVoiceAssessment,
  transitionWordsAssessment,
  consecutiveSentencesAssessment,
  fleschReadingEaseAssessment,
  frenchLanguageAssessment,
  frenchTypographyAssessment,
]);
