/**
 * How the user of the HTTP API or the web page gets the LLM writer, in words they can act on: they
 * type no `--provider` flag; the person who started `plume serve` configures it, or, when it is
 * configured, the user picks it. The web page reads its help from `/api/health` (`llmSetupHelp`): one text.
 */
const SETUP =
  'la personne qui a lancé ce serveur Plume doit lui configurer un fournisseur LLM et sa clé d’API ' +
  '(variables d’environnement PLUME_PROVIDER et OPENAI_API_KEY par exemple, ou section « llm » du ' +
  'fichier plume.config.json), puis relancer plume serve';

/**
 * Ends the messages of the language and length constraints the offline writer cannot meet, for a
 * server with an LLM writer (`llmAvailable`) or without one.
 */
export function webRewriterHint(llmAvailable: boolean): string {
  return llmAvailable
    ? 'choisissez pour cela le rédacteur « LLM » (champ writer : llm)'
    : `il faut pour cela le rédacteur LLM : ${SETUP}`;
}

/** What the web page shows under the writer choice of a server without a provider. */
export const LLM_SETUP_HELP = `Pour traduire ou allonger un article, il faut le rédacteur LLM : ${SETUP}.`;

/** The refusal of `writer: "llm"` by a server without a provider. */
export const WRITER_UNAVAILABLE_MESSAGE = `Aucun fournisseur LLM n’est configuré sur ce serveur : choisissez le rédacteur hors ligne. Pour traduire ou allonger un article, ${SETUP}.`;
