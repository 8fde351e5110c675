package dev.blipsdk.desk;

/**
 * Whether an out-of-hours customer asked to be called back: Go Personal's "Solicitou retorno?" column. The
 * offer is the {@value Escalation#UNAVAILABLE_TEMPLATE} template with its "Sim" and "Não" buttons.
 */
public enum CallbackRequest {
  /** The customer answered "Sim": notify them when attendance opens. */
  REQUESTED,
  /** The customer answered "Não". */
  DECLINED,
  /** The offer was sent; no answer yet. */
  NO_ANSWER,
  /** No offer was seen (Go Personal shows "N/D"): the option is off, or it was sent where the SDK cannot see. */
  NOT_OFFERED
}
