-- Search facets (issue 10): the filters of a search become lexemes of the document's search_vector,
-- so that a filtered search is one GIN lookup (src/queries/search-documents.ts, FACET_PREFIX).
-- Row-local values (kind, 效力级别, 有效性, the publishing agency) come from the row itself; the themes
-- (with their first level) and joint issuers from document_theme and document_issuer, kept in
-- facet_tokens by statement triggers on those tables, whoever writes them.
ALTER TABLE "document" ADD COLUMN "facet_tokens" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE FUNCTION document_facet_tokens(doc integer) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT coalesce(string_agg(tok, ' ' ORDER BY tok COLLATE "C"), '') FROM (
    SELECT '~t' || t.theme_code AS tok FROM document_theme t WHERE t.document_id = doc
    UNION SELECT '~t' || split_part(t.theme_code, '.', 1) FROM document_theme t WHERE t.document_id = doc
    UNION SELECT '~a' || i.agency_id::text FROM document_issuer i WHERE i.document_id = doc
  ) x
$$;--> statement-breakpoint
DROP INDEX IF EXISTS "document_search_idx";--> statement-breakpoint
ALTER TABLE "document" DROP COLUMN "search_vector";--> statement-breakpoint
-- Filled between dropping the old search vector and adding the new one: the old one is not
-- recomputed for the update, and the new one is computed once, with the facets.
UPDATE "document" d SET "facet_tokens" = document_facet_tokens(d.id)
  WHERE EXISTS (SELECT 1 FROM document_theme t WHERE t.document_id = d.id)
     OR EXISTS (SELECT 1 FROM document_issuer i WHERE i.document_id = d.id);--> statement-breakpoint
ALTER TABLE "document" ADD COLUMN "search_vector" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('simple', title_tokens), 'A') || setweight(to_tsvector('simple', body_tokens), 'B') || array_to_tsvector(ARRAY['~k' || kind, '~e' || effect_level, '~v' || validity, '~a' || agency_id::text, coalesce('~m' || (extract(year from published_on) * 100 + extract(month from published_on))::int::text, '~m0')] || string_to_array(facet_tokens, ' '))) STORED;--> statement-breakpoint
CREATE FUNCTION document_facets_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Each changed document's tokens computed once; rows already right (bulk writers) left alone.
  UPDATE document d SET facet_tokens = x.tokens
  FROM (SELECT c.document_id AS id, document_facet_tokens(c.document_id) AS tokens
        FROM (SELECT DISTINCT document_id FROM changed) c) x
  WHERE d.id = x.id AND d.facet_tokens IS DISTINCT FROM x.tokens;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER document_theme_facets_insert AFTER INSERT ON document_theme REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_facets_refresh();--> statement-breakpoint
CREATE TRIGGER document_theme_facets_update AFTER UPDATE ON document_theme REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_facets_refresh();--> statement-breakpoint
CREATE TRIGGER document_theme_facets_delete AFTER DELETE ON document_theme REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_facets_refresh();--> statement-breakpoint
CREATE TRIGGER document_issuer_facets_insert AFTER INSERT ON document_issuer REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_facets_refresh();--> statement-breakpoint
CREATE TRIGGER document_issuer_facets_update AFTER UPDATE ON document_issuer REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_facets_refresh();--> statement-breakpoint
CREATE TRIGGER document_issuer_facets_delete AFTER DELETE ON document_issuer REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION document_facets_refresh();--> statement-breakpoint
CREATE INDEX "document_search_idx" ON "document" USING gin ("search_vector");
--> statement-breakpoint
-- The new column has no statistics until analysed: searches would be planned blind until autovacuum.
ANALYZE "document";
