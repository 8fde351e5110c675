/** Implementation details of the WhatsApp module. Not exported; may change in any release. */
@NullMarked
package dev.blipsdk.whatsapp.internal;

import org.jspecify.annotations.NullMarked;
