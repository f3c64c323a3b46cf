import type { OperationDescriptor } from '@flowline/core';

/**
 * `pushpress.customers.get`: the one PushPress action, offered beyond the reference catalog
 * (`extra: true`) so flows can resolve the customer a non-customer event names only by id.
 */
export const customerLookupOperation: OperationDescriptor = {
  "id": "pushpress.customers.get",
  "kind": "action",
  "connector": "pushpress",
  "title": "Get a customer",
  "description": "Looks up one PushPress customer by id (GET /customers/{uuid}), e.g. to find the email or phone of the customer a check-in, enrollment or appointment event names only by customerId. Needs a connection with credentials { apiKey, companyId }.",
  "scopes": [],
  "http": {
    "method": "GET",
    "path": "/customers/{customerId}"
  },
  "input": {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "title": "PushpressCustomersGetInput",
    "type": "object",
    "properties": {
      "path": {
        "type": "object",
        "properties": {
          "customerId": {
            "type": "string",
            "minLength": 1,
            "description": "The PushPress customer uuid (data.id of customer.* events, data.customerId or data.customer of others)."
          }
        },
        "required": [
          "customerId"
        ],
        "additionalProperties": false
      }
    },
    "required": [
      "path"
    ],
    "additionalProperties": false
  },
  "output": {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "title": "PushpressCustomer",
    "description": "A PushPress customer as GET /customers/{uuid} answers it. The reference documents the route but not its response; this is the SDK's Customer model as the customer.* webhook schemas carry it, open to unknown properties.",
    "type": "object",
    "properties": {
      "id": {
        "type": "string"
      },
      "companyId": {
        "type": "string"
      },
      "name": {
        "type": "object",
        "properties": {
          "first": {
            "type": "string"
          },
          "last": {
            "type": "string"
          },
          "nickname": {
            "anyOf": [
              {
                "type": "string"
              },
              {
                "type": "null"
              }
            ]
          }
        },
        "required": [
          "first",
          "last",
          "nickname"
        ]
      },
      "gender": {
        "anyOf": [
          {
            "type": "string",
            "enum": [
              "male",
              "female"
            ]
          },
          {
            "type": "null"
          }
        ]
      },
      "dob": {
        "anyOf": [
          {
            "type": "string"
          },
          {
            "type": "null"
          }
        ]
      },
      "address": {
        "type": "object",
        "properties": {
          "line1": {
            "type": "string"
          },
          "line2": {
            "type": "string"
          },
          "city": {
            "type": "string"
          },
          "country": {
            "type": "string"
          },
          "state": {
            "type": "string"
          },
          "zip": {
            "type": "string"
          }
        },
        "required": [
          "line1",
          "line2",
          "city",
          "country",
          "state",
          "zip"
        ]
      },
      "assignedToStaffId": {
        "anyOf": [
          {
            "type": "string"
          },
          {
            "type": "null"
          }
        ]
      },
      "account": {
        "anyOf": [
          {
            "type": "object",
            "properties": {
              "type": {
                "type": "string",
                "const": "linked"
              },
              "primaryCustomerId": {
                "type": "string"
              }
            },
            "required": [
              "type",
              "primaryCustomerId"
            ]
          },
          {
            "type": "object",
            "properties": {
              "type": {
                "type": "string",
                "const": "primary"
              }
            },
            "required": [
              "type"
            ]
          }
        ]
      },
      "profileImage": {
        "anyOf": [
          {
            "type": "string"
          },
          {
            "type": "null"
          }
        ]
      },
      "emergencyContact": {
        "type": "object",
        "properties": {
          "name": {
            "type": "string"
          },
          "phone": {
            "type": "string"
          },
          "relationship": {
            "type": "string"
          }
        },
        "required": [
          "name",
          "phone",
          "relationship"
        ]
      },
      "membershipDetails": {
        "anyOf": [
          {
            "type": "object",
            "properties": {
              "initialMembershipStartDate": {
                "anyOf": [
                  {
                    "type": "string"
                  },
                  {
                    "type": "null"
                  }
                ]
              }
            },
            "required": [
              "initialMembershipStartDate"
            ]
          },
          {
            "type": "null"
          }
        ]
      },
      "email": {
        "type": "string"
      },
      "phone": {
        "anyOf": [
          {
            "type": "string"
          },
          {
            "type": "null"
          }
        ]
      },
      "role": {
        "anyOf": [
          {
            "type": "string",
            "enum": [
              "superuser",
              "admin",
              "coach",
              "frontdesk",
              "member",
              "non-member",
              "ex-member",
              "lead"
            ]
          },
          {
            "type": "null"
          }
        ]
      }
    },
    "required": [
      "id",
      "companyId",
      "name",
      "gender",
      "dob",
      "address",
      "account",
      "membershipDetails",
      "email"
    ]
  },
  "sample": {
    "path": {
      "customerId": "usr_4b7d2q9x"
    }
  },
  "sampleOutput": {
    "id": "usr_4b7d2q9x",
    "companyId": "cmp_ironpeak",
    "name": {
      "first": "Ann",
      "last": "Lee",
      "nickname": null
    },
    "gender": null,
    "dob": null,
    "address": {
      "line1": "1 Main St",
      "line2": "",
      "city": "Austin",
      "country": "US",
      "state": "TX",
      "zip": "78701"
    },
    "account": {
      "type": "primary"
    },
    "membershipDetails": null,
    "email": "ann@example.com",
    "phone": "+15125550100",
    "role": "member"
  },
  "extra": true
};

export interface CustomerLookupInput {
  readonly path: { readonly customerId: string };
}
