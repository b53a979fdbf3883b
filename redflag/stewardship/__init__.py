"""Stewardship after (and beside) the sale: the item register, the grievance mechanism, post-shipment monitoring.

* :mod:`redflag.stewardship.items`: the exporter's products, validated import, misuse potential, safeguard gaps.
* :mod:`redflag.stewardship.grievances`: intake (staff and public portal), statuses with an audit trail, receipts.
* :mod:`redflag.stewardship.contacts`: reporter contact details, stored apart from the graph.
* :mod:`redflag.stewardship.intake`: the fields of the public submission page and their limits.
* :mod:`redflag.stewardship.ratelimit`: its rate limits, per client address and per /24 or /64 network.
* :mod:`redflag.stewardship.monitoring` and :mod:`redflag.stewardship.alerts`: `redflag monitor`, alerts by
  e-mail and webhook.
"""
