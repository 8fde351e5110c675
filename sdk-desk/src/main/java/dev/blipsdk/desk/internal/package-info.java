/** Implementation details of the desk module: wire mapping and filter text. Not exported. */
@NullMarked
package dev.blipsdk.desk.internal;

import org.jspecify.annotations.NullMarked;
