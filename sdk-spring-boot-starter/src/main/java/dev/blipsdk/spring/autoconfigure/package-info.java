/**
 * The starter's auto-configuration classes, listed in
 * {@code META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports}. Reference them to exclude
 * one ({@code spring.autoconfigure.exclude}); otherwise they are not called directly.
 */
@NullMarked
package dev.blipsdk.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
