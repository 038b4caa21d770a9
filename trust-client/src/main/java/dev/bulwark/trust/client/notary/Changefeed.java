package dev.bulwark.trust.client.notary;

import dev.bulwark.trust.client.fetch.DownloadException;
import dev.bulwark.trust.client.fetch.HttpStatusException;
import dev.bulwark.trust.client.fetch.RemoteNotFoundException;
import dev.bulwark.trust.core.error.JsonSyntaxException;
import dev.bulwark.trust.core.error.MalformedMetadataException;
import dev.bulwark.trust.core.json.JsonArray;
import dev.bulwark.trust.core.json.JsonFields;
import dev.bulwark.trust.core.json.JsonNull;
import dev.bulwark.trust.core.json.JsonReader;
import dev.bulwark.trust.core.json.JsonValue;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Reads a collection's changefeed, {@code GET /v2/<gun>/_trust/changefeed?change_id=&records=}
 * (research/notary.md §2.5), page by page: each page starts after the last ID of the previous one,
 * until a page comes back empty. Pages are parsed strictly; IDs must increase, every record must be
 * for the GUN asked about, and at most {@code maxRecords} records are read.
 */
public final class Changefeed {
  /** Records asked for per page (Notary has no upper limit; Bulwark's server caps at 1000). */
  public static final int PAGE = 500;

  /** Largest page body accepted: a record is about 250 bytes. */
  public static final long MAX_PAGE_BYTES = 4L << 20;

  /** Default cap on the records walked. */
  public static final int DEFAULT_MAX_RECORDS = 10_000;

  private final NotaryRemote remote;
  private final int pageSize;

  public Changefeed(NotaryRemote remote) {
    this(remote, PAGE);
  }

  /** A reader asking for {@code pageSize} records per request (1 to 1000). */
  public Changefeed(NotaryRemote remote, int pageSize) {
    this.remote = Objects.requireNonNull(remote, "remote");
    if (pageSize < 1 || pageSize > 1000) {
      throw new IllegalArgumentException("page size must be 1 to 1000, got " + pageSize);
    }
    this.pageSize = pageSize;
  }

  /** What reading the feed gave. */
  public sealed interface Feed {
    /** The whole feed of the collection, oldest record first. */
    record Available(List<ChangefeedRecord> records) implements Feed {
      public Available {
        records = List.copyOf(records);
      }
    }

    /** The server does not let us read it (404, 401, 403) or it is longer than the cap. */
    record Unavailable(String reason) implements Feed {}
  }

  /** Reads every record of {@code gun}'s feed, up to {@code maxRecords}. */
  public Feed read(Gun gun, int maxRecords) throws DownloadException, HistoryException {
    List<ChangefeedRecord> all = new ArrayList<>();
    long after = 0;
    while (true) {
      URI uri = pageUri(gun, after);
      byte[] body;
      try {
        body = remote.fetcher().fetch(uri, MAX_PAGE_BYTES);
      } catch (RemoteNotFoundException e) {
        return new Feed.Unavailable("the server has no changefeed for " + gun + " (" + uri + ")");
      } catch (HttpStatusException e) {
        if (e.status() == 401) {
          return new Feed.Unavailable(
              "the server refused access to the changefeed of " + gun + " (HTTP 401)");
        }
        throw e;
      }
      List<ChangefeedRecord> page = parse(body, gun, uri.toString());
      if (page.isEmpty()) {
        return new Feed.Available(all);
      }
      for (ChangefeedRecord r : page) {
        if (r.id() <= after) {
          throw new HistoryException(
              uri
                  + ": changefeed IDs must increase after "
                  + after
                  + ", found record ID "
                  + r.id());
        }
        after = r.id();
        all.add(r);
      }
      if (all.size() > maxRecords) {
        return new Feed.Unavailable(
            "the changefeed of "
                + gun
                + " has more than "
                + maxRecords
                + " records; not walking it (publish times would be incomplete)");
      }
    }
  }

  private URI pageUri(Gun gun, long after) {
    return URI.create(
        remote.layout().server()
            + "/v2/"
            + gun.name()
            + "/_trust/changefeed?change_id="
            + after
            + "&records="
            + pageSize);
  }

  /**
   * Parses one page, {@code {"count":N,"records":[{"ID":"1","CreatedAt":"<RFC 3339>","GUN":..,
   * "Version":..,"SHA256":..,"Category":"update"|"deletion"}]}} ({@code "records":null} is how
   * Notary sends an empty page). Unknown fields are ignored.
   */
  public static List<ChangefeedRecord> parse(byte[] body, Gun gun, String where)
      throws HistoryException {
    try {
      JsonFields page = JsonFields.of(JsonReader.parseObject(body), where);
      long count = page.integer("count", 0);
      JsonValue recs = page.value("records");
      List<JsonValue> items =
          switch (recs) {
            case JsonNull n -> List.of();
            case JsonArray a -> a.elements();
            default ->
                throw new MalformedMetadataException(
                    where + ": records: expected an array or null, found " + recs.kind());
          };
      if (count != items.size()) {
        throw new MalformedMetadataException(
            where + ": count says " + count + " records, the page has " + items.size());
      }
      List<ChangefeedRecord> out = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        String at = where + ": records[" + i + "]";
        out.add(record(JsonFields.of(JsonFields.asObject(items.get(i), at), at), gun));
      }
      return out;
    } catch (JsonSyntaxException e) {
      throw new HistoryException("malformed changefeed: " + where + ": " + e.getMessage(), e);
    } catch (MalformedMetadataException e) {
      throw new HistoryException("malformed changefeed: " + e.getMessage(), e);
    }
  }

  private static ChangefeedRecord record(JsonFields f, Gun gun) throws MalformedMetadataException {
    String id = f.string("ID");
    if (!id.matches("[1-9][0-9]{0,17}")) {
      throw new MalformedMetadataException(
          f.where("ID") + ": expected a positive decimal number, found \"" + id + "\"");
    }
    String recordGun = f.string("GUN");
    if (!recordGun.equals(gun.name())) {
      throw new MalformedMetadataException(
          f.where("GUN") + ": expected " + gun.name() + ", found " + recordGun);
    }
    String category = f.string("Category");
    ChangefeedRecord.Category c =
        switch (category) {
          case "update" -> ChangefeedRecord.Category.UPDATE;
          case "deletion" -> ChangefeedRecord.Category.DELETION;
          default ->
              throw new MalformedMetadataException(
                  f.where("Category")
                      + ": expected \"update\" or \"deletion\", found \""
                      + category
                      + "\"");
        };
    try {
      return new ChangefeedRecord(
          Long.parseLong(id),
          time(f),
          recordGun,
          f.integer("Version", 0),
          f.string("SHA256").toLowerCase(Locale.ROOT),
          c);
    } catch (IllegalArgumentException e) {
      throw new MalformedMetadataException(f.path() + ": " + e.getMessage());
    }
  }

  private static Instant time(JsonFields f) throws MalformedMetadataException {
    String text = f.string("CreatedAt");
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new MalformedMetadataException(
          f.where("CreatedAt") + ": expected an RFC 3339 time, found \"" + text + "\"");
    }
  }
}
