// Presenters of the document library API: explicit field whitelists from the read models (published
// documents only) to the response bodies of src/http/api/document-schemas.ts. Nothing else reaches a
// response: not the search tokens, the version, who created it, nor anything of a withdrawn document.
import type { z } from 'zod';
import { themeLabel } from '../../domain/documents/themes.js';
import type { DocumentListItem } from '../../queries/document-list.js';
import type { DocumentRelationView, PublicDocument } from '../../queries/document-page.js';
import type { SearchDocumentsResult } from '../../queries/search-documents.js';
import { attachmentHref, documentHref, gazetteHref } from '../../views/models/document-links.js';
import type { DocumentDetail, DocumentSummary, SearchResult } from './document-schemas.js';

type Out<T extends z.ZodType> = z.input<T>;
type Enum<T extends z.ZodType, K extends string> = Out<T> extends Record<K, infer V> ? V : never;

/** Stored vocabulary values are the domain's; the casts only narrow `string` to the enum they are. */
export function presentDocumentSummary(
  d: DocumentListItem,
  abs: (path: string) => string,
): Out<typeof DocumentSummary> {
  return {
    id: d.id,
    kind: d.kind as Enum<typeof DocumentSummary, 'kind'>,
    title: d.title,
    indexNumber: d.indexNumber,
    docNumber: d.docNumber,
    agency: { code: d.agencyCode, name: d.agencyName },
    effectLevel: d.effectLevel as Enum<typeof DocumentSummary, 'effectLevel'>,
    validity: d.validity as Enum<typeof DocumentSummary, 'validity'>,
    writtenOn: d.writtenOn,
    publishedOn: d.publishedOn,
    synthetic: d.synthetic,
    url: abs(documentHref(d.id)),
  };
}

function presentRelation(r: DocumentRelationView, abs: (path: string) => string) {
  return {
    kind: r.kind as 'amends',
    effectiveOn: r.effectiveOn,
    note: r.note,
    document: {
      id: r.other.id,
      kind: r.other.kind as 'document',
      title: r.other.title,
      docNumber: r.other.docNumber,
      url: abs(documentHref(r.other.id)),
    },
  };
}

export function presentDocument(
  d: PublicDocument,
  abs: (path: string) => string,
): Out<typeof DocumentDetail> {
  type D = Out<typeof DocumentDetail>;
  return {
    id: d.id,
    kind: d.kind as D['kind'],
    title: d.title,
    indexNumber: d.indexNumber,
    docNumber: d.docNumber,
    issuers: d.issuers.map((a) => ({ code: a.code, name: a.name })),
    themes: d.themes.map((code) => ({ code, label: themeLabel(code) || code })),
    genre: d.genre,
    effectLevel: d.effectLevel as D['effectLevel'],
    unifiedNumber: d.unifiedNumber,
    writtenOn: d.writtenOn,
    publishedOn: d.publishedOn,
    effectiveOn: d.effectiveOn,
    expiresOn: d.expiresOn,
    validity: d.validity as D['validity'],
    validitySince: d.validitySince,
    disclosureMethod: d.disclosureMethod as D['disclosureMethod'],
    category: d.category,
    interpretationForm: d.interpretationForm as D['interpretationForm'],
    mediaUrl: d.mediaUrl,
    bodyHtml: d.bodyHtml,
    attachments: d.attachments.map((f) => ({
      filename: f.filename,
      mediaType: f.mediaType,
      size: f.size,
      url: abs(attachmentHref(d.id, f.fileId)),
    })),
    relations: {
      outgoing: d.outgoing.map((r) => presentRelation(r, abs)),
      incoming: d.incoming.map((r) => presentRelation(r, abs)),
    },
    gazette: d.gazette.map((g) => ({
      agency: { code: g.agencyCode, name: g.agencyName },
      year: g.year,
      number: g.number,
      url: abs(gazetteHref(g)),
    })),
    synthetic: d.synthetic,
    url: abs(documentHref(d.id)),
  };
}

export function presentSearch(
  r: SearchDocumentsResult,
  agencyCodes: Map<number, string>,
  abs: (path: string) => string,
): Out<typeof SearchResult> {
  type S = Out<typeof SearchResult>;
  return {
    total: r.total,
    totalExact: r.totalExact,
    page: r.page,
    pageSize: r.pageSize,
    hits: r.hits.map((h) => ({
      id: h.id,
      kind: h.kind as S['hits'][number]['kind'],
      title: h.title,
      titleHtml: h.titleHtml,
      snippetHtml: h.snippetHtml,
      docNumber: h.docNumber,
      agencyName: h.agencyName,
      publishedOn: h.publishedOn,
      validity: h.validity as S['hits'][number]['validity'],
      url: abs(documentHref(h.id)),
    })),
    facets: {
      agencies: r.facets.agencies.flatMap((a) => {
        const code = agencyCodes.get(a.key);
        return code ? [{ code, name: a.name, count: a.count }] : [];
      }),
      themes: r.facets.themes.map((t) => ({ key: t.key, count: t.count })),
      years: r.facets.years.map((y) => ({ key: y.key, count: y.count })),
      effectLevels: r.facets.effectLevels.map((e) => ({ key: e.key as 'rule', count: e.count })),
      validity: r.facets.validity.map((e) => ({ key: e.key as 'effective', count: e.count })),
    },
    suggestions: r.suggestions,
  };
}
