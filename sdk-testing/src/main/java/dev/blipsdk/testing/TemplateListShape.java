package dev.blipsdk.testing;

/**
 * Where {@code get /message-templates} puts the templates inside {@code resource}. The real shape is
 * UNCONFIRMED (API doc §3.3); the default is {@link #DATA}, Meta's Graph shape passed through.
 */
public enum TemplateListShape {
  /** {@code {"data":[...],"paging":{...}}}: Meta's Graph shape (default). */
  DATA,
  /** {@code {"documents":[...]}}. */
  DOCUMENTS,
  /** {@code {"total":n,"items":[...]}}. */
  ITEMS
}
