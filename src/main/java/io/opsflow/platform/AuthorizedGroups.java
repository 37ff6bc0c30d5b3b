package io.opsflow.platform;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The groups that have at least one authorization, kept per engine. Camunda's
 * {@code AuthorizationManager} reads them once per engine command
 * ({@code SELECT distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION}) to leave out of every check those
 * of the user's groups that have no authorization at all ({@code filterAuthenticatedGroupIds});
 * here they are read again only when the set is older than {@link #REFRESH}.
 *
 * <p>Why a set that is not up to date never grants too much: the set is only a filter. The checks
 * themselves read the authorization rows of the user's groups that the set lets through, and with
 * grants only ({@link OpsflowAuthorizationManager} refuses revokes), a group's rows can only add
 * rights. So:
 * <ul>
 *   <li>A group in the set that has no rows (any more) adds nothing to a check: the check finds
 *   no grant for it, exactly as if it had been left out. The set therefore only grows: a deleted
 *   authorization stops applying at once, because its row is gone, not because of the set.</li>
 *   <li>A group missing from the set loses the rights its rows give (under-grants, never
 *   over-grants). That can only be a group that got its first authorization after the set was
 *   read. In this engine the group is added when that transaction commits, so a new grant applies
 *   to the next command; one written by another node of a cluster applies here at the latest
 *   {@link #REFRESH} later. (Revokes found at start-up, which keep Camunda's revoke check on, were
 *   in the database before the first read, so their groups are in the set.)</li>
 * </ul>
 * Adding and reading merge into the set, so a read that began before a commit cannot remove the
 * group that commit added.
 */
final class AuthorizedGroups {

  /** How old the set may be before the next command reads it again: what other nodes' new groups wait at most. */
  static final Duration REFRESH = Duration.ofSeconds(5);

  /** The groups known to have (had) an authorization, and when the database was last read (System.nanoTime). */
  private record Known(Set<String> groups, long readAt, boolean read) {}

  private volatile Known known = new Known(Set.of(), 0, false);

  /** The set; read with {@code fromDatabase} (in the calling command) when it is older than {@link #REFRESH}. */
  Set<String> get(Supplier<Collection<String>> fromDatabase) {
    Known current = known;
    if (current.read() && System.nanoTime() - current.readAt() < REFRESH.toNanos()) {
      return current.groups();
    }
    Collection<String> groups = fromDatabase.get();
    return merge(groups, true);
  }

  /** Whether the group is in the set already (then adding it changes nothing). */
  boolean contains(String groupId) {
    return known.groups().contains(groupId);
  }

  /** A group got an authorization in a transaction that committed: checks count its rows from now on. */
  void added(String groupId) {
    merge(Set.of(groupId), false);
  }

  private synchronized Set<String> merge(Collection<String> groups, boolean read) {
    Known current = known;
    Set<String> merged = new HashSet<>(current.groups());
    groups.stream().filter(Objects::nonNull).forEach(merged::add);
    known = read ? new Known(Set.copyOf(merged), System.nanoTime(), true)
        : new Known(Set.copyOf(merged), current.readAt(), current.read());
    return known.groups();
  }
}
