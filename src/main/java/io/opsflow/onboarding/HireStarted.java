package io.opsflow.onboarding;

import java.time.LocalDate;

/** Published in the transaction of "Start onboarding": the new employee's first day has come. */
public record HireStarted(long hireId, String name, String role, String department, LocalDate startDate) {}
