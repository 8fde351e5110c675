package dev.blipsdk.desk;

import dev.blipsdk.core.envelope.Identity;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Turns what was seen of one customer into an {@link OutOfHoursContact}; shared by history and webhooks. */
final class OutOfHoursRules {
  private OutOfHoursRules() {}

  /** What was seen. */
  enum Kind {
    /** The customer wrote. */
    INBOUND,
    /** The bot sent the unavailable template (the callback offer). */
    SENT_OFFER,
    /** An active message (another template) was sent. */
    SENT_ACTIVE
  }

  /** The answer an inbound message carries, if it is one. */
  enum Answer { YES, NO, NONE }

  /**
   * One thing seen of a customer; no message text is kept.
   *
   * @param at when
   * @param kind what
   * @param answer for inbound messages, whether it says "Sim" or "Não"
   * @param button whether it is a button reply (which implies an offer)
   */
  record Observation(Instant at, Kind kind, Answer answer, boolean button) {}

  /** The answer a text carries: "Sim" or "Não" (without regard to case, accents and spaces). */
  static Answer answerOf(@Nullable String text) {
    if (text == null) {
      return Answer.NONE;
    }
    String t = Normalizer.normalize(text.trim(), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .toLowerCase(Locale.ROOT);
    if (t.equals("sim") || t.equals("yes")) {
      return Answer.YES;
    }
    if (t.equals("nao") || t.equals("no")) {
      return Answer.NO;
    }
    return Answer.NONE;
  }

  /**
   * The contact, or null when the customer did not write out of hours in {@code [since, now]}.
   *
   * @param seen what was seen, any order
   */
  static @Nullable OutOfHoursContact compute(Identity customer, List<Observation> seen, BusinessHours hours,
      Instant since, Instant now) {
    List<Observation> sorted = seen.stream().sorted(Comparator.comparing(Observation::at)).toList();
    Instant first = null;
    Instant last = null;
    int count = 0;
    for (Observation o : sorted) {
      if (o.kind() == Kind.INBOUND && !o.at().isBefore(since) && !o.at().isAfter(now) && !hours.isOpen(o.at())) {
        if (first == null) {
          first = o.at();
        }
        last = o.at();
        count++;
      }
    }
    if (first == null || last == null) {
      return null;
    }
    Instant offer = null;
    CallbackRequest callback = CallbackRequest.NOT_OFFERED;
    Instant active = null;
    for (Observation o : sorted) {
      if (o.at().isBefore(first)) {
        continue;
      }
      if (o.kind() == Kind.SENT_OFFER && offer == null) {
        offer = o.at();
        callback = CallbackRequest.NO_ANSWER;
      } else if (o.kind() == Kind.INBOUND && o.answer() != Answer.NONE
          && (callback == CallbackRequest.NO_ANSWER || (callback == CallbackRequest.NOT_OFFERED && o.button()))) {
        callback = o.answer() == Answer.YES ? CallbackRequest.REQUESTED : CallbackRequest.DECLINED;
      } else if (o.kind() == Kind.SENT_ACTIVE && !o.at().isBefore(last) && active == null) {
        active = o.at();
      }
    }
    return new OutOfHoursContact(customer, first, last, count, callback, active);
  }
}
