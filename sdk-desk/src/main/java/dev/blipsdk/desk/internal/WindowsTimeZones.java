package dev.blipsdk.desk.internal;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Windows time-zone ids (what Desk's attendance hours carry in {@code timeZoneId}, for example
 * {@code E. South America Standard Time}) to IANA zones, and back. The table is CLDR's
 * {@code windowsZones.xml}, territory {@code 001} (the zone each Windows id stands for), as data; the ids
 * added to CLDR after 2020 are included. Immutable and thread-safe.
 */
public final class WindowsTimeZones {
  private static final Map<String, String> TO_IANA = Map.ofEntries(
      Map.entry("Afghanistan Standard Time", "Asia/Kabul"),
      Map.entry("Alaskan Standard Time", "America/Anchorage"),
      Map.entry("Aleutian Standard Time", "America/Adak"),
      Map.entry("Altai Standard Time", "Asia/Barnaul"),
      Map.entry("Arab Standard Time", "Asia/Riyadh"),
      Map.entry("Arabian Standard Time", "Asia/Dubai"),
      Map.entry("Arabic Standard Time", "Asia/Baghdad"),
      Map.entry("Argentina Standard Time", "America/Buenos_Aires"),
      Map.entry("Astrakhan Standard Time", "Europe/Astrakhan"),
      Map.entry("Atlantic Standard Time", "America/Halifax"),
      Map.entry("AUS Central Standard Time", "Australia/Darwin"),
      Map.entry("Aus Central W. Standard Time", "Australia/Eucla"),
      Map.entry("AUS Eastern Standard Time", "Australia/Sydney"),
      Map.entry("Azerbaijan Standard Time", "Asia/Baku"),
      Map.entry("Azores Standard Time", "Atlantic/Azores"),
      Map.entry("Bahia Standard Time", "America/Bahia"),
      Map.entry("Bangladesh Standard Time", "Asia/Dhaka"),
      Map.entry("Belarus Standard Time", "Europe/Minsk"),
      Map.entry("Bougainville Standard Time", "Pacific/Bougainville"),
      Map.entry("Canada Central Standard Time", "America/Regina"),
      Map.entry("Cape Verde Standard Time", "Atlantic/Cape_Verde"),
      Map.entry("Caucasus Standard Time", "Asia/Yerevan"),
      Map.entry("Cen. Australia Standard Time", "Australia/Adelaide"),
      Map.entry("Central America Standard Time", "America/Guatemala"),
      Map.entry("Central Asia Standard Time", "Asia/Almaty"),
      Map.entry("Central Brazilian Standard Time", "America/Cuiaba"),
      Map.entry("Central Europe Standard Time", "Europe/Budapest"),
      Map.entry("Central European Standard Time", "Europe/Warsaw"),
      Map.entry("Central Pacific Standard Time", "Pacific/Guadalcanal"),
      Map.entry("Central Standard Time", "America/Chicago"),
      Map.entry("Central Standard Time (Mexico)", "America/Mexico_City"),
      Map.entry("Chatham Islands Standard Time", "Pacific/Chatham"),
      Map.entry("China Standard Time", "Asia/Shanghai"),
      Map.entry("Cuba Standard Time", "America/Havana"),
      Map.entry("Dateline Standard Time", "Etc/GMT+12"),
      Map.entry("E. Africa Standard Time", "Africa/Nairobi"),
      Map.entry("E. Australia Standard Time", "Australia/Brisbane"),
      Map.entry("E. Europe Standard Time", "Europe/Chisinau"),
      Map.entry("E. South America Standard Time", "America/Sao_Paulo"),
      Map.entry("Easter Island Standard Time", "Pacific/Easter"),
      Map.entry("Eastern Standard Time", "America/New_York"),
      Map.entry("Eastern Standard Time (Mexico)", "America/Cancun"),
      Map.entry("Egypt Standard Time", "Africa/Cairo"),
      Map.entry("Ekaterinburg Standard Time", "Asia/Yekaterinburg"),
      Map.entry("Fiji Standard Time", "Pacific/Fiji"),
      Map.entry("FLE Standard Time", "Europe/Kiev"),
      Map.entry("Georgian Standard Time", "Asia/Tbilisi"),
      Map.entry("GMT Standard Time", "Europe/London"),
      Map.entry("Greenland Standard Time", "America/Godthab"),
      Map.entry("Greenwich Standard Time", "Atlantic/Reykjavik"),
      Map.entry("GTB Standard Time", "Europe/Bucharest"),
      Map.entry("Haiti Standard Time", "America/Port-au-Prince"),
      Map.entry("Hawaiian Standard Time", "Pacific/Honolulu"),
      Map.entry("India Standard Time", "Asia/Calcutta"),
      Map.entry("Iran Standard Time", "Asia/Tehran"),
      Map.entry("Israel Standard Time", "Asia/Jerusalem"),
      Map.entry("Jordan Standard Time", "Asia/Amman"),
      Map.entry("Kaliningrad Standard Time", "Europe/Kaliningrad"),
      Map.entry("Korea Standard Time", "Asia/Seoul"),
      Map.entry("Libya Standard Time", "Africa/Tripoli"),
      Map.entry("Line Islands Standard Time", "Pacific/Kiritimati"),
      Map.entry("Lord Howe Standard Time", "Australia/Lord_Howe"),
      Map.entry("Magadan Standard Time", "Asia/Magadan"),
      Map.entry("Magallanes Standard Time", "America/Punta_Arenas"),
      Map.entry("Marquesas Standard Time", "Pacific/Marquesas"),
      Map.entry("Mauritius Standard Time", "Indian/Mauritius"),
      Map.entry("Middle East Standard Time", "Asia/Beirut"),
      Map.entry("Montevideo Standard Time", "America/Montevideo"),
      Map.entry("Morocco Standard Time", "Africa/Casablanca"),
      Map.entry("Mountain Standard Time", "America/Denver"),
      Map.entry("Mountain Standard Time (Mexico)", "America/Mazatlan"),
      Map.entry("Myanmar Standard Time", "Asia/Rangoon"),
      Map.entry("N. Central Asia Standard Time", "Asia/Novosibirsk"),
      Map.entry("Namibia Standard Time", "Africa/Windhoek"),
      Map.entry("Nepal Standard Time", "Asia/Katmandu"),
      Map.entry("New Zealand Standard Time", "Pacific/Auckland"),
      Map.entry("Newfoundland Standard Time", "America/St_Johns"),
      Map.entry("Norfolk Standard Time", "Pacific/Norfolk"),
      Map.entry("North Asia East Standard Time", "Asia/Irkutsk"),
      Map.entry("North Asia Standard Time", "Asia/Krasnoyarsk"),
      Map.entry("North Korea Standard Time", "Asia/Pyongyang"),
      Map.entry("Omsk Standard Time", "Asia/Omsk"),
      Map.entry("Pacific SA Standard Time", "America/Santiago"),
      Map.entry("Pacific Standard Time", "America/Los_Angeles"),
      Map.entry("Pacific Standard Time (Mexico)", "America/Tijuana"),
      Map.entry("Pakistan Standard Time", "Asia/Karachi"),
      Map.entry("Paraguay Standard Time", "America/Asuncion"),
      Map.entry("Qyzylorda Standard Time", "Asia/Qyzylorda"),
      Map.entry("Romance Standard Time", "Europe/Paris"),
      Map.entry("Russia Time Zone 10", "Asia/Srednekolymsk"),
      Map.entry("Russia Time Zone 11", "Asia/Kamchatka"),
      Map.entry("Russia Time Zone 3", "Europe/Samara"),
      Map.entry("Russian Standard Time", "Europe/Moscow"),
      Map.entry("SA Eastern Standard Time", "America/Cayenne"),
      Map.entry("SA Pacific Standard Time", "America/Bogota"),
      Map.entry("SA Western Standard Time", "America/La_Paz"),
      Map.entry("Saint Pierre Standard Time", "America/Miquelon"),
      Map.entry("Sakhalin Standard Time", "Asia/Sakhalin"),
      Map.entry("Samoa Standard Time", "Pacific/Apia"),
      Map.entry("Sao Tome Standard Time", "Africa/Sao_Tome"),
      Map.entry("Saratov Standard Time", "Europe/Saratov"),
      Map.entry("SE Asia Standard Time", "Asia/Bangkok"),
      Map.entry("Singapore Standard Time", "Asia/Singapore"),
      Map.entry("South Africa Standard Time", "Africa/Johannesburg"),
      Map.entry("South Sudan Standard Time", "Africa/Juba"),
      Map.entry("Sri Lanka Standard Time", "Asia/Colombo"),
      Map.entry("Sudan Standard Time", "Africa/Khartoum"),
      Map.entry("Syria Standard Time", "Asia/Damascus"),
      Map.entry("Taipei Standard Time", "Asia/Taipei"),
      Map.entry("Tasmania Standard Time", "Australia/Hobart"),
      Map.entry("Tocantins Standard Time", "America/Araguaina"),
      Map.entry("Tokyo Standard Time", "Asia/Tokyo"),
      Map.entry("Tomsk Standard Time", "Asia/Tomsk"),
      Map.entry("Tonga Standard Time", "Pacific/Tongatapu"),
      Map.entry("Transbaikal Standard Time", "Asia/Chita"),
      Map.entry("Turkey Standard Time", "Europe/Istanbul"),
      Map.entry("Turks And Caicos Standard Time", "America/Grand_Turk"),
      Map.entry("Ulaanbaatar Standard Time", "Asia/Ulaanbaatar"),
      Map.entry("US Eastern Standard Time", "America/Indianapolis"),
      Map.entry("US Mountain Standard Time", "America/Phoenix"),
      Map.entry("UTC", "Etc/GMT"),
      Map.entry("UTC+12", "Etc/GMT-12"),
      Map.entry("UTC+13", "Etc/GMT-13"),
      Map.entry("UTC-02", "Etc/GMT+2"),
      Map.entry("UTC-08", "Etc/GMT+8"),
      Map.entry("UTC-09", "Etc/GMT+9"),
      Map.entry("UTC-11", "Etc/GMT+11"),
      Map.entry("Venezuela Standard Time", "America/Caracas"),
      Map.entry("Vladivostok Standard Time", "Asia/Vladivostok"),
      Map.entry("Volgograd Standard Time", "Europe/Volgograd"),
      Map.entry("W. Australia Standard Time", "Australia/Perth"),
      Map.entry("W. Central Africa Standard Time", "Africa/Lagos"),
      Map.entry("W. Europe Standard Time", "Europe/Berlin"),
      Map.entry("W. Mongolia Standard Time", "Asia/Hovd"),
      Map.entry("West Asia Standard Time", "Asia/Tashkent"),
      Map.entry("West Bank Standard Time", "Asia/Hebron"),
      Map.entry("West Pacific Standard Time", "Pacific/Port_Moresby"),
      Map.entry("Yakutsk Standard Time", "Asia/Yakutsk"),
      Map.entry("Yukon Standard Time", "America/Whitehorse"));
  private static final Map<String, String> BY_LOWER;
  private static final Map<String, String> TO_WINDOWS;

  static {
    Map<String, String> lower = new HashMap<>();
    Map<String, String> back = new HashMap<>();
    for (Map.Entry<String, String> e : TO_IANA.entrySet()) {
      lower.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
      back.putIfAbsent(ZoneId.of(e.getValue()).normalized().getId(), e.getKey());
      back.putIfAbsent(e.getValue(), e.getKey());
    }
    BY_LOWER = Map.copyOf(lower);
    TO_WINDOWS = Map.copyOf(back);
  }

  private WindowsTimeZones() {}

  /**
   * Every Windows id of the table with its IANA zone.
   *
   * @return the table
   */
  public static Map<String, String> table() {
    return TO_IANA;
  }

  /**
   * The zone of a Windows id (without regard to case), or of an IANA id given as is.
   *
   * @param id the id
   * @return the zone, or null when the id is neither
   */
  public static @Nullable ZoneId toZoneId(String id) {
    String iana = BY_LOWER.get(id.trim().toLowerCase(Locale.ROOT));
    if (iana != null) {
      return ZoneId.of(iana);
    }
    try {
      return ZoneId.of(id.trim());
    } catch (DateTimeException e) {
      return null;
    }
  }

  /**
   * The Windows id for a zone, for writing Desk's {@code timeZoneId}.
   *
   * @param zone the zone
   * @return the Windows id, or null when the table has none for it
   */
  public static @Nullable String toWindowsId(ZoneId zone) {
    String id = TO_WINDOWS.get(zone.getId());
    return id != null ? id : TO_WINDOWS.get(zone.normalized().getId());
  }
}
