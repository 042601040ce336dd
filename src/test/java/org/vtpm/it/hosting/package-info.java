/** vTPMs hosted in the resource adapter: lifecycle, state delivery, socket front ends, concurrency. */
package org.vtpm.it.hosting;
