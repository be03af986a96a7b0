package dev.threadlint.model;

import org.jspecify.annotations.Nullable;

/**
 * The facts about one method that callers need, computed once per compilation unit from the
 * method body. Keyed by a stable string ({@code com.example.Foo#bar(int)}) and holding only
 * strings and numbers, so a later version can write summaries out and read them back across
 * modules.
 *
 * @param method the method's key
 * @param blocking how the method blocks, or null if no blocking call is reachable from its body
 * @param onlyIf the one parameter value every blocking path of the method needs, or null if it
 *     may block whatever its arguments
 */
public record MethodSummary(String method, @Nullable BlockingChain blocking, @Nullable ParameterGuard onlyIf) {}
