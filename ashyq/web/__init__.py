"""The served application (``ashyq serve``): the store's runs, conclusions, questions, disagreements
and evidence for analysts, assessors, the bodies, the commission and verifiers, each seeing only what
is theirs. A room above the pipeline, beside the command line."""
