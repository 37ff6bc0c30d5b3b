package io.opsflow.platform;

import java.util.Set;

/**
 * Who may start a process and who takes part in it. Each process package declares one as a bean;
 * the platform turns it into engine authorizations. Taking part means seeing the process
 * (name, diagram) in Tasklist; working a task comes from being its candidate or assignee.
 */
public record ProcessAccess(String processKey, Set<String> starterGroups, Set<String> participantGroups) {}
