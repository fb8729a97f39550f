// The shop page's own code: a cart page changes the quantity, and the element follows its attribute.
const quantity = document.querySelector('#quantity');
quantity.addEventListener('input', () => document.querySelector('#order-points').setAttribute('quantity', quantity.value || '0'));
