# METADATA
# title: No id here
# description: Metadata without custom section.
package bad.nometa

import rego.v1

compliant if true
