/**
 * What a web user reads when an article needs the LLM writer: what to set and where, in words that
 * whoever started the server can act on (a web user types no `--provider` flag).
 */
export const LLM_SETUP_HELP =
  'Pour traduire ou allonger un article, il faut le rédacteur LLM : la personne qui a lancé ce serveur Plume ' +
  'doit lui indiquer un fournisseur et sa clé d’API (par exemple les variables d’environnement ' +
  'PLUME_PROVIDER=openai et OPENAI_API_KEY, ou la section « llm » du fichier plume.config.json), ' +
  'puis relancer plume serve.';
