import type { Assessment } from '../assessment.js';

/** The whole text, and each section long enough to tell, must be in French. */
export const frenchLanguageAssessment: Assessment = {
  id: 'french-language',
  extra: true,
  group: 'language',
  isApplicable: () => true,
  assess(analysis, config) {
    const { language } = analysis;
    const expected = config.language.expected;
    const confidence = Math.round(language.confidence * 100);
    if (language.language === 'und') return { score: 4, messageId: 'french-language.undetermined' };
    if (language.language !== expected)
      return {
        score: 1,
        messageId: 'french-language.other',
        params: { language: language.language, confidence },
      };
    const foreign = analysis.sections.filter(
      (section) =>
        section.language !== null &&
        section.language.language !== expected &&
        section.language.language !== 'und' &&
        section.language.confidence >= config.language.minConfidence,
    );
    if (foreign.length > 0)
      return {
        score: 3,
        messageId: 'french-language.foreign-sections',
        params: { count: foreign.length, language: foreign[0]?.language?.language ?? '' },
        marks: foreign.map((section) => section.span),
      };
    return { score: 9, messageId: 'french-language.good', params: { confidence } };
  },
};
